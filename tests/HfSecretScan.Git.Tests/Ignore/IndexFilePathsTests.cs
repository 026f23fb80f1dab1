using System.Buffers.Binary;
using HfSecretScan.Git.Storage.Ignore;

namespace HfSecretScan.Git.Tests.Ignore;

[TestClass]
public sealed class IndexFilePathsTests
{
    [TestMethod]
    [DataRow("2")]
    [DataRow("3")]
    [DataRow("4")]
    public void Reads_the_same_paths_as_git_ls_files(string version)
    {
        using var repo = TestRepository.Create();
        foreach (string path in new[] { "a.txt", "dir/b.txt", "dir/sub/c.txt", "dir/sub/d.txt", "café/é.txt", "z" })
        {
            repo.Write(path, "x\n");
        }

        repo.Git("add", "-A");
        repo.Write("intent.txt", "x\n");
        repo.Git("add", "-N", "intent.txt"); // Extended flags (version 3 and up).
        repo.Git("update-index", "--index-version", version);

        var paths = IndexFilePaths.Read(Path.Combine(repo.Path, ".git", "index"));

        string[] expected = repo.Git("-c", "core.quotePath=false", "ls-files").Split('\n');
        CollectionAssert.AreEqual(expected, paths);
    }

    [TestMethod]
    public void An_entry_count_the_file_cannot_hold_is_damage_and_sizes_nothing()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "x\n");
        repo.Git("add", "-A");
        string index = Path.Combine(repo.Path, ".git", "index");
        byte[] data = File.ReadAllBytes(index);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), int.MaxValue);
        File.WriteAllBytes(index, data);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var paths = IndexFilePaths.Read(index);

        Assert.IsNull(paths);
        Assert.IsLessThan(1L << 20, GC.GetAllocatedBytesForCurrentThread() - before, "no list sized by the count");
    }

    [TestMethod]
    public void A_split_index_is_left_to_libgit2()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "x\n");
        repo.Git("add", "-A");
        repo.Git("update-index", "--split-index");

        Assert.IsNull(IndexFilePaths.Read(Path.Combine(repo.Path, ".git", "index")));
    }

    /// <summary>Found by the index fuzz target (a hang): an extension of size -8 sent the reader back to where it was, forever.</summary>
    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    [DataRow(-8, DisplayName = "size -8: back to the same offset")]
    [DataRow(-100, DisplayName = "runs backwards")]
    [DataRow(1 << 20, DisplayName = "runs past the checksum")]
    public void An_extension_whose_size_is_impossible_makes_the_index_unreadable(int size)
    {
        byte[] extension = new byte[8];
        "TREE"u8.CopyTo(extension);
        BinaryPrimitives.WriteInt32BigEndian(extension.AsSpan(4), size);

        Assert.IsNull(Read(Index(2, 0, extension)));
    }

    /// <summary>A version 4 path whose prefix varint runs off the end threw <see cref="IndexOutOfRangeException"/>.</summary>
    [TestMethod]
    public void A_truncated_version_4_varint_makes_the_index_unreadable() =>
        Assert.IsNull(Read([.. Index(4, 1, [.. new byte[62], 0x80])[..^20]]));

    /// <summary>An entry count of 2^31-1 in a 32-byte file sized the path list by the count: it is sized by what the file can hold.</summary>
    [TestMethod]
    public void An_entry_count_the_file_cannot_hold_allocates_nothing_for_it() =>
        Assert.IsNull(Read(Index(2, int.MaxValue, [])));

    /// <summary>A <c>DIRC</c> file of <paramref name="version"/> claiming <paramref name="count"/> entries, then <paramref name="body"/> and a checksum.</summary>
    private static byte[] Index(int version, int count, byte[] body)
    {
        byte[] header = new byte[12];
        "DIRC"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), version);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), count);
        return [.. header, .. body, .. new byte[20]];
    }

    private static List<string>? Read(byte[] index)
    {
        using var folder = new TempFolder();
        return IndexFilePaths.Read(folder.Write("index", index));
    }
}
