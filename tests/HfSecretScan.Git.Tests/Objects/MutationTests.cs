using System.Text;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Ignore;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Packs;

namespace HfSecretScan.Git.Tests.Objects;

/// <summary>
/// Every parser of git's bytes, fed seeded mutations of a valid input for a fraction of a second:
/// it answers, or throws what it documents (<see cref="InvalidDataException"/>, or
/// <see cref="CorruptObjectException"/> for objects), never anything else.
/// </summary>
[TestClass]
public sealed class MutationTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Tree_parser()
    {
        var id = new RawId(HandMadeObjects.Id(1));
        byte[] tree = [.. "100644 a.txt\0"u8, .. HandMadeObjects.Id(2), .. "40000 src\0"u8, .. HandMadeObjects.Id(3), .. "160000 sub\0"u8, .. HandMadeObjects.Id(4)];
        Report(Mutations.Run(tree, bytes => Documented(() => RawTreeEntry.Parse(id, bytes)), seed: 1, Budget));
    }

    [TestMethod]
    public void Commit_parser()
    {
        var id = new RawId(HandMadeObjects.Id(1));
        byte[] commit = Encoding.UTF8.GetBytes($"tree {HandMadeObjects.Sha(HandMadeObjects.Id(2))}\nparent {HandMadeObjects.Sha(HandMadeObjects.Id(3))}\nauthor Ann <ann@example.com> 1700000000 +0100\ncommitter Ann <ann@example.com> 1700000000 -0230\ngpgsig -----BEGIN-----\n x\n -----END-----\n\n\nmessage\nbody\n");
        Report(Mutations.Run(commit, bytes => Documented(() => RawCommit.Parse(id, bytes)), seed: 2, Budget));
    }

    [TestMethod]
    public void Delta_patch()
    {
        byte[] baseObject = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
        byte[] delta = [32, 40, 0x91, 4, 10, 5, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0xB1, 2, 0x10, 0, 0x90, 5, 0x80];
        delta = [.. delta.Take(delta.Length - 1)];
        Report(Mutations.Run(delta, bytes => Documented(() =>
        {
            int size = DeltaPatch.ResultSize(bytes, baseObject.Length);
            DeltaPatch.Apply(baseObject, bytes, new byte[size]);
        }), seed: 3, Budget));
    }

    [TestMethod]
    public void Loose_object_header_and_content()
    {
        using var folder = new TempFolder();
        var objects = new HandMadeObjects(folder.Path);
        string sha = objects.Loose("blob 5", "hello"u8.ToArray(), 1);
        string path = LooseObject.PathOf(objects.ObjectFolder, sha);
        byte[] raw = [.. "blob 5\0hello"u8];
        Report(Mutations.Run(raw, bytes =>
        {
            File.WriteAllBytes(path, HandMadeObjects.Zlib(bytes));
            Documented(() => LooseObject.Read(path));
        }, seed: 4, Budget));
        Report(Mutations.Run(HandMadeObjects.Zlib(raw), bytes =>
        {
            File.WriteAllBytes(path, bytes);
            Documented(() => LooseObject.Read(path));
        }, seed: 5, Budget));
    }

    [TestMethod]
    public void Pack_index_and_pack_entries()
    {
        using var folder = new TempFolder();
        var objects = new HandMadeObjects(folder.Path)
            .Entry(1, 3, 11, "hello world"u8.ToArray())
            .Entry(2, 7, 4, [11, 5, 0x90, 5], baseId: HandMadeObjects.Id(1))
            .Entry(3, 1, 5, "tree x"u8.ToArray()[..5]);
        objects.WritePack();
        string packFolder = Path.Combine(objects.ObjectFolder, "pack");
        string idx = Path.Combine(packFolder, "pack-hand.idx");
        string pack = Path.Combine(packFolder, "pack-hand.pack");
        byte[] validIndex = File.ReadAllBytes(idx);
        byte[] validPack = File.ReadAllBytes(pack);
        var ids = Enumerable.Range(1, 3).Select(n => new RawId(HandMadeObjects.Id(n))).ToList();

        void ReadAll()
        {
            var problems = new List<ScanProblem>();
            using var store = ObjectStore.Open(folder.Path, problems);
            var reader = new ObjectReader(store, 1 << 16);
            foreach (var id in ids)
            {
                Documented(() => reader.TryRead(id));
            }
        }

        Report(Mutations.Run(validIndex, bytes =>
        {
            File.WriteAllBytes(idx, bytes);
            ReadAll();
        }, seed: 6, Budget));
        File.WriteAllBytes(idx, validIndex);
        Report(Mutations.Run(validPack, bytes =>
        {
            File.WriteAllBytes(pack, bytes);
            ReadAll();
        }, seed: 7, Budget));
    }

    [TestMethod]
    public void Index_file()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "a");
        repo.Write("src/deep/b.cs", "b");
        repo.Git("add", "-A");
        string index = Path.Combine(repo.Path, ".git", "index");
        byte[] valid = File.ReadAllBytes(index);
        Report(Mutations.Run(valid, bytes =>
        {
            File.WriteAllBytes(index, bytes);
            IndexFilePaths.Read(index);
        }, seed: 8, Budget));
    }

    [TestMethod]
    public void Gitignore_parser_and_matching()
    {
        byte[] valid = Encoding.UTF8.GetBytes("# c\n*.log\n!keep.log\n/build/\n**/obj/**\n[a-z]?[!x]*\\#\ndoc/**/*.md\n\\!bang\n  trailing\\ \n[[:alpha:]]x\n");
        byte[][] paths = [.. new[] { "a.log", "build", "src/obj/x/y", "doc/a/b.md", "ab#", "#", "x/y/z" }.Select(Encoding.UTF8.GetBytes)];
        Report(Mutations.Run(valid, bytes =>
        {
            foreach (var pattern in IgnoreFileParser.Parse(bytes, ignoreCase: bytes.Length % 2 == 0, "mutated"))
            {
                foreach (byte[] path in paths)
                {
                    int slash = Array.LastIndexOf(path, (byte)'/');
                    pattern.Matches(path, slash + 1, isDirectory: path.Length % 2 == 0);
                }
            }
        }, seed: 9, Budget));
    }

    private static void Documented(System.Action parse)
    {
        try
        {
            parse();
        }
        catch (Exception e) when (e is InvalidDataException or CorruptObjectException)
        {
            // Documented: corrupt input.
        }
    }

    private void Report(int runs) => TestContext.WriteLine($"{TestContext.TestName}: {runs} mutations");
}
