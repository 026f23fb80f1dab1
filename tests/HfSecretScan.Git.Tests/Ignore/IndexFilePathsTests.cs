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
}
