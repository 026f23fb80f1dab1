using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories.History;

namespace HfSecretScan.Git.Tests.History;

/// <summary>
/// git LFS objects in history, made by hand as git-lfs would leave them (the object under
/// <c>.git/lfs/objects/ab/cd/abcd…</c>, a pointer blob committed in its place): no git-lfs needed.
/// </summary>
[TestClass]
public sealed class LfsObjectTests
{
    private static ScanReport ScanAll(string path) => SourceRun.Report(new HistorySource(path, new HistoryScanOptions()), path);

    /// <summary>Commits a pointer to <paramref name="content"/> at <paramref name="path"/> and returns the commit; the object is stored under <paramref name="gitFolder"/> only when <paramref name="store"/>.</summary>
    private static string CommitPointer(TestRepository repo, string path, byte[] content, bool store, string? gitFolder = null)
    {
        string oid = Convert.ToHexStringLower(SHA256.HashData(content));
        if (store)
        {
            string folder = Path.Combine(gitFolder ?? Path.Combine(repo.Path, ".git"), "lfs", "objects", oid[..2], oid[2..4]);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, oid), content);
        }

        return repo.Commit(path, $"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {content.Length}\n", "add " + path);
    }

    [TestMethod]
    public void A_token_in_a_present_lfs_object_is_found_at_the_pointers_path_and_commit()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "models\n", "first");
        string added = CommitPointer(repo, "models/config.txt", Encoding.UTF8.GetBytes("name: demo\ntoken: " + TestTokens.User(61) + "\n"), store: true);
        repo.Commit("README.md", "models, later\n", "third");

        var report = ScanAll(repo.Path);

        var finding = report.Findings.Single();
        Assert.AreEqual("models/config.txt", finding.Path);
        Assert.AreEqual(added, finding.Commit!.CommitId);
        Assert.AreEqual(2, finding.Line, "the line inside the object, not the pointer");
        Assert.AreEqual(8, finding.Column);
        Assert.IsTrue(report.IsComplete, string.Join("; ", report.Problems));
        Assert.AreEqual(0, report.Skipped.Count);
    }

    [TestMethod]
    public void An_lfs_object_that_is_an_archive_holding_encoded_tokens_is_opened()
    {
        using var repo = TestRepository.Create();
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + TestTokens.User(62)));
        string added = CommitPointer(repo, "weights/model.pt", Archives.Zip(("archive/data.pkl", Encoding.UTF8.GetBytes("auth: " + encoded + "\n"))), store: true);

        var finding = ScanAll(repo.Path).Findings.Single();

        Assert.AreEqual("weights/model.pt!archive/data.pkl", finding.Path);
        Assert.AreEqual("archive/data.pkl", finding.InnerPath);
        CollectionAssert.AreEqual(new[] { "base64" }, finding.Decoded.ToArray());
        Assert.AreEqual(added, finding.Commit!.CommitId);
        Assert.AreEqual(TestTokens.User(62), finding.Secret.Reveal());
    }

    [TestMethod]
    public void A_pointer_whose_object_is_not_fetched_is_skipped_not_a_problem()
    {
        using var repo = TestRepository.Create();
        string added = CommitPointer(repo, "data/big.bin", Encoding.UTF8.GetBytes("token " + TestTokens.User(63) + "\n"), store: false);

        var report = ScanAll(repo.Path);

        Assert.AreEqual(0, report.Findings.Count);
        Assert.IsTrue(report.IsComplete, string.Join("; ", report.Problems));
        var skipped = report.Skipped.Single();
        Assert.AreEqual("data/big.bin", skipped.Path);
        StringAssert.Contains(skipped.Reason, "git LFS object not fetched");
        StringAssert.Contains(skipped.Reason, added);
    }

    [TestMethod]
    public void A_blob_that_only_looks_like_a_pointer_is_scanned_as_it_is()
    {
        using var repo = TestRepository.Create();
        repo.Commit("notes.txt", "version https://git-lfs.github.com/spec/v1\nnote: " + TestTokens.User(64) + "\n", "not a pointer");

        var report = ScanAll(repo.Path);

        Assert.AreEqual("notes.txt", report.Findings.Single().Path);
        Assert.AreEqual(0, report.Skipped.Count);
    }

    [TestMethod]
    public void A_linked_worktree_reads_the_objects_of_the_common_git_folder()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "main\n", "first");
        string linked = Path.Combine(Path.GetDirectoryName(repo.Path)!, "linked");
        repo.Git("worktree", "add", "-q", "-b", "side", linked);
        byte[] content = Encoding.UTF8.GetBytes("t=" + TestTokens.Org(65) + "\n");
        string oid = Convert.ToHexStringLower(SHA256.HashData(content));
        string folder = Path.Combine(repo.Path, ".git", "lfs", "objects", oid[..2], oid[2..4]);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, oid), content);
        File.WriteAllText(Path.Combine(linked, "org.txt"), $"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {content.Length}\n");
        TestRepository.GitIn(linked, "add", "org.txt");
        TestRepository.GitIn(linked, "commit", "-q", "-m", "pointer on side");

        var finding = ScanAll(linked).Findings.Single();

        Assert.AreEqual("org.txt", finding.Path);
        Assert.AreEqual(TestRepository.GitIn(linked, "rev-parse", "HEAD"), finding.Commit!.CommitId);
    }

    [TestMethod]
    public async Task The_history_command_exits_0_with_an_unfetched_object_and_lists_it_as_skipped()
    {
        using var repo = TestRepository.Create();
        CommitPointer(repo, "data/big.bin", Encoding.UTF8.GetBytes("nothing here\n"), store: false);

        var result = await CliRun.RunAsync("history", repo.Path, "--format", "json");

        Assert.AreEqual(0, result.ExitCode, result.All);
        using var json = JsonDocument.Parse(result.Out);
        var skipped = json.RootElement.GetProperty("skipped")[0];
        Assert.AreEqual("data/big.bin", skipped.GetProperty("path").GetString());
        StringAssert.Contains(skipped.GetProperty("reason").GetString(), "git LFS object not fetched");
    }
}
