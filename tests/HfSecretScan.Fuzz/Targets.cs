using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Ignore;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Packs;
using HfSecretScan.Hub;
using HfSecretScan.Scanning;
using HfSecretScan.Suppression;
using HfSecretScan.Verification;

namespace HfSecretScan.Fuzz;

/// <summary>
/// One target per parser of untrusted bytes, the entry points of the mutation tests. A target
/// catches only what its parser documents (<see cref="InvalidDataException"/>,
/// <see cref="CorruptObjectException"/>, <see cref="JsonException"/>); anything else escapes and
/// afl-fuzz records the input as a crash.
/// </summary>
internal static class Targets
{
    /// <summary>The base object the <c>delta</c> target's deltas apply to.</summary>
    private static readonly byte[] DeltaBase = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");

    /// <summary>Paths the <c>gitignore</c> target matches when its input brings none.</summary>
    private static readonly byte[][] IgnorePaths = [.. new[] { "a.log", "build", "src/obj/x/y", "doc/a/b.md", "ab#", "x/y/z" }.Select(Encoding.UTF8.GetBytes)];

    private static readonly Uri Requested = new("https://huggingface.co/api/models?author=u");

    /// <summary>Every target by name: run.sh runs them in this order.</summary>
    public static IReadOnlyDictionary<string, Action<byte[], Scratch>> All { get; } = new Dictionary<string, Action<byte[], Scratch>>
    {
        ["pack-index"] = (bytes, scratch) => Git(() => PackIndexLookups(scratch.Write("objects/pack/pack-fuzz.idx", bytes))),
        ["pack"] = PackEntries,
        ["delta"] = (bytes, _) => Git(() => DeltaPatch.Apply(DeltaBase, bytes, new byte[DeltaPatch.ResultSize(bytes, DeltaBase.Length)])),
        ["loose"] = (bytes, scratch) => Git(() => LooseObject.Read(scratch.Write("loose", bytes))),
        ["loose-content"] = (bytes, scratch) => Git(() => LooseObject.Read(scratch.Write("loose", Zlib(bytes)))),
        ["tree"] = (bytes, _) => Git(() => RawTreeEntry.Parse(Instrumented.SomeId, bytes)),
        ["commit"] = (bytes, _) => Git(() => RawCommit.Parse(Instrumented.SomeId, bytes)),
        ["tag"] = (bytes, _) => Git(() => RawTag.TargetOf(bytes)),
        ["index"] = (bytes, scratch) => IndexFilePaths.Read(scratch.Write("index", bytes)),
        ["gitignore"] = (bytes, _) => IgnoreRules(bytes),
        ["config"] = (bytes, scratch) => File(() => ScanConfig.Load(scratch.Write("hf-scan.json", bytes))),
        ["baseline"] = (bytes, scratch) => File(() => Baseline.Load(scratch.Write("baseline.json", bytes))),
        ["zip"] = (bytes, _) => Instrumented.Containers.Scan(new MemoryContent(bytes)),
        ["zip-forward"] = (bytes, _) => Instrumented.Containers.Scan(new ForwardContent(bytes)),
        ["tar"] = (bytes, _) => Instrumented.Containers.Scan(new MemoryContent(bytes)),
        ["gzip"] = (bytes, _) => Instrumented.Containers.Scan(new MemoryContent(bytes)),
        ["bzip2"] = (bytes, _) => Instrumented.Containers.Scan(new MemoryContent(bytes)),
        ["xz"] = (bytes, _) => Instrumented.Containers.Scan(new MemoryContent(bytes)),
        ["decode"] = (bytes, _) => Instrumented.Decoders.Scan(new MemoryContent(bytes)),
        ["whoami"] = (bytes, _) => Json(() => WhoAmIParser.Parse(Encoding.UTF8.GetString(bytes))),
        ["listing"] = (bytes, _) => Json(() => ListedRepository.ParsePage(Encoding.UTF8.GetString(bytes))),
        ["discussion-page"] = (bytes, _) => Json(() => DiscussionParser.ParsePage(Encoding.UTF8.GetString(bytes))),
        ["discussion"] = (bytes, _) => Json(() => DiscussionParser.ParseDetails(Encoding.UTF8.GetString(bytes))),
        ["hub-headers"] = (bytes, _) =>
        {
            string value = Encoding.UTF8.GetString(bytes);
            LinkHeader.Next(value, Requested);
            RateLimitHeader.Parse(value);
        },
    };

    /// <summary>Reads the index and asks it everything the object store asks.</summary>
    private static void PackIndexLookups(string path)
    {
        var index = PackIndex.Read(path);
        for (int i = 0; i < index.Count; i++)
        {
            index.TryFind(index.IdAt(i), out long offset);
            index.IdAtOffset(offset);
            index.EndOf(offset, long.MaxValue);
            index.PositionInPackOrder(i);
        }
    }

    /// <summary>
    /// The input is a pack index and its pack, <c>[index length, 4 bytes big-endian][index][pack]</c>
    /// (as <see cref="Seeds"/> writes git's), read through the object store: every object the index
    /// names, deltas resolved.
    /// </summary>
    private static void PackEntries(byte[] bytes, Scratch scratch)
    {
        int head = Math.Min(4, bytes.Length);
        int indexLength = head < 4 ? 0 : (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes), (uint)(bytes.Length - 4));
        scratch.Write("objects/pack/pack-fuzz.idx", bytes.AsSpan(head, indexLength));
        scratch.Write("objects/pack/pack-fuzz.pack", bytes.AsSpan(head + indexLength));
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(scratch.GitDirectory, problems);
        var reader = new ObjectReader(store, 1 << 16);
        var known = new Dictionary<(int Pack, long Offset), RawObjectType>();
        for (int pack = 0; pack < store.Packs.Count; pack++)
        {
            var index = store.Packs[pack];
            for (int i = 0; i < index.Count; i++)
            {
                var id = index.IdAt(i);
                Git(() => reader.TryRead(id));
                Git(() => reader.PackedTypeOf(pack, index.OffsetAt(i), known));
            }
        }
    }

    /// <summary>
    /// The input is an ignore file; after a NUL byte, NUL-separated paths to match against it
    /// (so the fuzzer also searches for paths that make matching slow).
    /// </summary>
    private static void IgnoreRules(byte[] bytes)
    {
        int nul = Array.IndexOf(bytes, (byte)0);
        byte[] rules = nul < 0 ? bytes : bytes[..nul];
        byte[][] paths = nul < 0 ? IgnorePaths : SplitAtNul(bytes[(nul + 1)..]);
        foreach (var pattern in IgnoreFileParser.Parse(rules, ignoreCase: bytes.Length % 2 == 0, "fuzz"))
        {
            foreach (byte[] path in paths)
            {
                int slash = Array.LastIndexOf(path, (byte)'/');
                pattern.Matches(path, slash + 1, isDirectory: path.Length % 2 == 0);
            }
        }
    }

    private static byte[][] SplitAtNul(byte[] bytes)
    {
        var parts = new List<byte[]>();
        int start = 0;
        for (int i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == 0)
            {
                parts.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return [.. parts];
    }

    private static byte[] Zlib(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest))
        {
            zlib.Write(bytes);
        }

        return buffer.ToArray();
    }

    private static void Git(Action parse)
    {
        try
        {
            parse();
        }
        catch (Exception e) when (e is InvalidDataException or CorruptObjectException)
        {
            // Documented: corrupt git data.
        }
    }

    private static void File(Action load)
    {
        try
        {
            load();
        }
        catch (InvalidDataException)
        {
            // Documented: not a valid file, with the reason.
        }
    }

    private static void Json(Action parse)
    {
        try
        {
            parse();
        }
        catch (JsonException)
        {
            // Documented: a malformed answer, said to be one.
        }
    }

    /// <summary>
    /// Values made by instrumented code, first touched inside <c>Fuzzer.Run</c>: instrumented code
    /// that runs before it writes coverage to shared memory afl-fuzz has not handed over yet.
    /// </summary>
    private static class Instrumented
    {
        public static readonly RawId SomeId = new(new byte[RawId.Length]);
        public static readonly ContentScanner Containers = new(LayerOptions.Default);
        public static readonly ContentScanner Decoders = new(LayerOptions.Default with { MaxArchiveDepth = 0 });
    }
}
