using System.Buffers.Binary;
using System.Security.Cryptography;
using HfSecretScan.Git.Storage.Staging;

namespace HfSecretScan.Git.Tests.Staging;

[TestClass]
public sealed class GitIndexTests
{
    [TestMethod]
    [DataRow("2")]
    [DataRow("3")]
    [DataRow("4")]
    public void Reads_what_git_ls_files_stage_lists(string version)
    {
        using var repo = TestRepository.Create();
        foreach (string path in new[] { "a.txt", "a/b.txt", "dir/sub/c.txt", "dir/sub/d.txt", "café/é.txt", "z" })
        {
            repo.Write(path, path + "\n");
        }

        repo.Git("add", "-A");
        repo.Git("update-index", "--chmod=+x", "z");
        repo.Write("intent.txt", "x\n");
        repo.Git("add", "-N", "intent.txt"); // Extended flags (version 3 and up).
        repo.Git("update-index", "--index-version", version);

        var entries = GitIndex.Read(Path.Combine(repo.Path, ".git", "index"));

        string[] expected = repo.Git("-c", "core.quotePath=false", "ls-files", "--stage").Split('\n');
        CollectionAssert.AreEqual(expected, entries.Select(e => $"{Convert.ToString(e.Mode, 8)} {e.Id.Sha} {e.Stage}\t{e.Path}").ToArray());
        CollectionAssert.AreEqual(new[] { "intent.txt" }, entries.Where(e => e.IntentToAdd).Select(e => e.Path).ToArray());
    }

    [TestMethod]
    public void Every_stage_of_a_conflict_is_read()
    {
        using var repo = Conflicted();

        var entries = GitIndex.Read(Path.Combine(repo.Path, ".git", "index"));

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, entries.Where(e => e.Path == "f.txt").Select(e => e.Stage).ToArray());
    }

    [TestMethod]
    public void A_split_index_is_not_supported_and_says_so()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "x\n");
        repo.Git("add", "-A");
        repo.Git("update-index", "--split-index");

        var e = Assert.ThrowsExactly<NotSupportedException>(() => GitIndex.Read(Path.Combine(repo.Path, ".git", "index")));
        StringAssert.Contains(e.Message, "split index");
    }

    [TestMethod]
    public void A_missing_index_has_no_entries() =>
        Assert.AreEqual(0, GitIndex.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "index")).Count);

    [TestMethod]
    public void A_flipped_byte_fails_the_checksum()
    {
        byte[] index = RealIndex();
        index[^30] ^= 1;

        var e = Assert.ThrowsExactly<InvalidDataException>(() => GitIndex.Parse(index));
        StringAssert.Contains(e.Message, "checksum");
    }

    [TestMethod]
    public void Every_truncation_of_the_entries_is_invalid_data_not_a_crash()
    {
        byte[] index = RealIndex();
        int extensions = index.AsSpan().IndexOf("TREE"u8);
        Assert.IsGreaterThan(12, extensions, "the index has a cache tree after its entries");
        for (int length = 0; length < extensions; length++)
        {
            byte[] cut = WithChecksum(index.AsSpan(0, length));
            Assert.ThrowsExactly<InvalidDataException>(() => GitIndex.Parse(cut), $"cut at {length} bytes");
        }
    }

    [TestMethod]
    public void A_lying_entry_count_is_refused_before_anything_is_sized_by_it()
    {
        byte[] index = RealIndex();
        BinaryPrimitives.WriteUInt32BigEndian(index.AsSpan(8), uint.MaxValue);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => GitIndex.Parse(WithChecksum(index.AsSpan(0, index.Length - 20))));
        StringAssert.Contains(e.Message, "entries");
    }

    [TestMethod]
    public void Entries_out_of_order_are_invalid_data()
    {
        using var repo = TestRepository.Create();
        repo.Write("a", "1\n");
        repo.Write("b", "2\n");
        repo.Git("add", "-A");
        byte[] index = File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));
        const int SecondName = 12 + 64 + 62; // The header, the first entry ("a" padded to 64 bytes), the second's fixed part.
        Assert.AreEqual((byte)'b', index[SecondName]);
        index[SecondName] = (byte)'0'; // "0" sorts before "a".

        var e = Assert.ThrowsExactly<InvalidDataException>(() => GitIndex.Parse(WithChecksum(index.AsSpan(0, index.Length - 20))));
        StringAssert.Contains(e.Message, "order");
    }

    [TestMethod]
    public void An_index_written_without_its_checksum_is_read()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "x\n");
        repo.Git("-c", "index.skipHash=true", "add", "-A");

        Assert.AreEqual("a.txt", GitIndex.Read(Path.Combine(repo.Path, ".git", "index")).Single().Path);
    }

    /// <summary>A repository stopped in a merge whose <c>f.txt</c> conflicts (ours and theirs both changed it).</summary>
    internal static TestRepository Conflicted()
    {
        var repo = TestRepository.Create();
        repo.Commit("f.txt", "base\n", "base");
        repo.Git("checkout", "-q", "-b", "theirs");
        repo.Commit("f.txt", "theirs\n", "theirs");
        repo.Git("checkout", "-q", "-");
        repo.Commit("f.txt", "ours\n", "ours");
        var merge = ProcessRun.Run(repo.Path, "git", ["merge", "-q", "theirs"]);
        Assert.AreEqual(1, merge.ExitCode, "the merge conflicts: " + merge);
        return repo;
    }

    private static byte[] RealIndex()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "x\n");
        repo.Write("dir/b.txt", "y\n");
        repo.Git("add", "-A");
        repo.Commit("c.txt", "z\n", "first"); // A commit gives the index a cache-tree extension.
        return File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));
    }

    private static byte[] WithChecksum(ReadOnlySpan<byte> body)
    {
        byte[] result = new byte[body.Length + 20];
        body.CopyTo(result);
#pragma warning disable CA5350 // git's index checksum.
        SHA1.HashData(body, result.AsSpan(body.Length));
#pragma warning restore CA5350
        return result;
    }
}
