using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.History;

[TestClass]
public sealed class HistorySourceTests
{
    private static ScanReport ScanAll(string path) => SourceRun.Report(new HistorySource(path, new HistoryScanOptions()), path);

    [TestMethod]
    public void A_token_added_then_deleted_is_attributed_to_the_commit_that_added_it()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        string added = repo.Commit("config/app.env", "# settings\nHF_TOKEN=" + TestTokens.User(11) + "\n", "add settings");
        repo.Commit("other.txt", "unrelated\n", "third");
        repo.Commit("config/app.env", "# settings\nHF_TOKEN=\n", "remove token");

        var report = ScanAll(repo.Path);

        var finding = report.Findings.Single();
        Assert.AreEqual("config/app.env", finding.Path);
        Assert.AreEqual(2, finding.Line);
        Assert.AreEqual(10, finding.Column);
        Assert.AreEqual(added, finding.Commit!.CommitId);
        Assert.AreEqual("Test Author <author@example.com>", finding.Commit.Author);
        Assert.AreEqual(2, finding.Commit.CommitCount, "the blob is in 'add settings' and 'third'");
        Assert.IsFalse(finding.Commit.Unreachable);
        Assert.IsTrue(report.IsComplete, string.Join("; ", report.Problems));
    }

    [TestMethod]
    public void A_token_only_in_a_merge_resolution_is_attributed_to_the_merge()
    {
        using var repo = TestRepository.Create();
        repo.Commit("app.py", "token = None\n", "base");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Commit("app.py", "token = 'feature'\n", "feature side");
        repo.Git("checkout", "-q", "main");
        repo.Commit("app.py", "token = 'main'\n", "main side");
        var merge = ProcessRun.Run(repo.Path, "git", ["merge", "-q", "feature"]);
        Assert.AreNotEqual(0, merge.ExitCode, "the merge must conflict");
        repo.Write("app.py", "token = '" + TestTokens.User(12) + "'\n");
        repo.Git("add", "app.py");
        repo.Git("commit", "-q", "--no-edit");
        string mergeCommit = repo.Head();

        var finding = ScanAll(repo.Path).Findings.Single();

        Assert.AreEqual("app.py", finding.Path);
        Assert.AreEqual(mergeCommit, finding.Commit!.CommitId);
    }

    [TestMethod]
    public void A_token_only_in_a_stash_is_found()
    {
        using var repo = TestRepository.Create();
        repo.Commit("notes.txt", "nothing\n", "base");
        repo.Write("notes.txt", "key " + TestTokens.User(13) + "\n");
        repo.Git("stash", "-q");
        Assert.AreEqual("nothing", File.ReadAllText(Path.Combine(repo.Path, "notes.txt")).Trim());

        var finding = ScanAll(repo.Path).Findings.Single(f => f.Path == "notes.txt");

        Assert.IsFalse(finding.Commit!.Unreachable, "a stash is a ref");
        Assert.AreEqual(repo.Git("rev-parse", "stash@{0}"), finding.Commit.CommitId, "the change was never staged, so the stash commit itself holds it");
    }

    [TestMethod]
    public void A_token_only_in_a_dangling_commit_after_amend_is_found_and_flagged_unreachable()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        string leaked = repo.Commit("secret.txt", TestTokens.User(14) + "\n", "oops");
        repo.Git("rm", "-q", "secret.txt");
        repo.Git("commit", "-q", "--amend", "--allow-empty", "-m", "fixed");
        repo.Git("reflog", "expire", "--expire=now", "--all");

        var finding = ScanAll(repo.Path).Findings.Single();

        Assert.AreEqual("secret.txt", finding.Path);
        Assert.AreEqual(leaked, finding.Commit!.CommitId);
        Assert.IsTrue(finding.Commit.Unreachable);
    }

    [TestMethod]
    public void Tokens_in_commit_and_annotated_tag_messages_are_found()
    {
        using var repo = TestRepository.Create();
        string commit = repo.Commit("a.txt", "a\n", "use " + TestTokens.User(15) + " for CI");
        repo.Git("tag", "-a", "v1", "-m", "release\ntoken " + TestTokens.Org(16));

        var findings = ScanAll(repo.Path).Findings;

        var message = findings.Single(f => f.Path == MessageSource.CommitMessageLabel);
        Assert.AreEqual(commit, message.Commit!.CommitId);
        Assert.AreEqual(1, message.Line);
        var tag = findings.Single(f => f.Path == MessageSource.TagLabel("v1"));
        Assert.AreEqual(2, tag.Line);
        Assert.AreEqual(repo.Git("rev-parse", "v1"), tag.Commit!.ObjectId);
        Assert.AreEqual(commit, tag.Commit.CommitId);
    }

    [TestMethod]
    public void A_removed_loose_object_is_reported_with_its_id_and_the_scan_goes_on()
    {
        using var repo = TestRepository.Create();
        repo.Commit("found.txt", TestTokens.User(17) + "\n", "kept");
        repo.Commit("lost.txt", "lost content\n", "lost");
        string lost = repo.Git("rev-parse", "HEAD:lost.txt");
        File.Delete(Path.Combine(repo.Path, ".git", "objects", lost[..2], lost[2..]));

        var report = ScanAll(repo.Path);

        Assert.AreEqual("found.txt", report.Findings.Single().Path);
        var problem = report.Problems.Single();
        Assert.AreEqual(lost, problem.Path);
        StringAssert.Contains(problem.Message, "lost.txt");
    }

    [TestMethod]
    public void A_shallow_clone_says_the_history_is_partial()
    {
        using var repo = TestRepository.Create();
        repo.Commit("old.txt", TestTokens.User(18) + "\n", "old");
        repo.Commit("old.txt", "gone\n", "remove");
        repo.Commit("new.txt", TestTokens.User(19) + "\n", "new");
        string clone = repo.Clone("shallow", "--depth", "1");

        var report = ScanAll(clone);

        Assert.AreEqual("new.txt", report.Findings.Single().Path);
        var problem = report.Problems.Single();
        StringAssert.Contains(problem.Message, "Shallow clone");
    }

    [TestMethod]
    public void A_bare_clone_is_scanned_from_its_packs()
    {
        using var repo = TestRepository.Create();
        repo.Commit("a.txt", TestTokens.User(20) + "\n", "add");
        repo.Commit("a.txt", "clean\n", "remove");
        string bare = repo.Clone("bare.git", "--bare");
        Assert.IsTrue(Directory.EnumerateFiles(Path.Combine(bare, "objects", "pack"), "*.pack").Any());

        var report = ScanAll(bare);

        Assert.AreEqual("a.txt", report.Findings.Single().Path);
        Assert.IsTrue(report.IsComplete, string.Join("; ", report.Problems));
    }

    [TestMethod]
    public void A_linked_worktree_scans_the_history_of_its_repository()
    {
        using var repo = TestRepository.Create();
        string added = repo.Commit("a.txt", TestTokens.User(25) + "\n", "add");
        repo.Commit("a.txt", "clean\n", "remove");
        string worktree = Path.Combine(Path.GetDirectoryName(repo.Path)!, "linked");
        repo.Git("worktree", "add", "-q", worktree);

        var report = ScanAll(worktree);

        Assert.AreEqual(added, report.Findings.Single().Commit!.CommitId);
        Assert.IsTrue(report.IsComplete, string.Join("; ", report.Problems));
    }

    [TestMethod]
    public void A_submodule_is_named_as_skipped_and_scanned_with_recurse_submodules()
    {
        using var inner = TestRepository.Create();
        inner.Commit("inner.env", "T=" + TestTokens.User(26) + "\n", "inner leak");
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        repo.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.Path, "vendor/inner");
        repo.Git("commit", "-q", "-m", "add submodule");

        var plain = ScanAll(repo.Path);
        Assert.IsEmpty(plain.Findings);
        StringAssert.Contains(plain.Skipped.Single().Reason, "--recurse-submodules");
        Assert.AreEqual("vendor/inner", plain.Skipped.Single().Path);

        var recursive = SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions { RecurseSubmodules = true }), repo.Path);
        Assert.AreEqual("vendor/inner/inner.env", recursive.Findings.Single().Path);
        Assert.IsTrue(recursive.IsComplete, string.Join("; ", recursive.Problems));
    }

    [TestMethod]
    public void A_token_in_a_binary_blob_is_found_by_offset()
    {
        using var repo = TestRepository.Create();
        byte[] bytes = [0, 1, 2, 0, .. System.Text.Encoding.ASCII.GetBytes(TestTokens.User(21)), 0, 255];
        repo.Write("model.bin", bytes);
        repo.Git("add", "model.bin");
        repo.Git("commit", "-q", "-m", "binary");

        var finding = ScanAll(repo.Path).Findings.Single();

        Assert.AreEqual("model.bin", finding.Path);
        Assert.IsNull(finding.Line);
        Assert.AreEqual(4, finding.ByteOffset);
    }

    [TestMethod]
    public void Each_blob_is_scanned_once_however_many_commits_and_branches_carry_it()
    {
        using var repo = TestRepository.Create();
        repo.Commit("a.txt", TestTokens.User(22) + "\n", "one");
        repo.Git("branch", "copy");
        repo.Commit("b.txt", "b\n", "two");
        repo.Git("gc", "-q");

        var report = ScanAll(repo.Path);

        var finding = report.Findings.Single();
        Assert.AreEqual(2, finding.Commit!.CommitCount);
        Assert.AreEqual(2 + 2, report.ItemsScanned, "two blobs and two commit messages");
    }

    [TestMethod]
    public void A_range_scans_only_what_its_commits_introduce()
    {
        using var repo = TestRepository.Create();
        string old = repo.Commit("old.txt", TestTokens.User(23) + "\n", "old");
        string added = repo.Commit("new.txt", TestTokens.User(24) + "\n", "new");

        var report = SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions { Include = ["HEAD"], Exclude = [old] }), repo.Path);

        var finding = report.Findings.Single();
        Assert.AreEqual("new.txt", finding.Path);
        Assert.AreEqual(added, finding.Commit!.CommitId);
    }

    [TestMethod]
    public void An_unknown_revision_is_a_clear_error()
    {
        using var repo = TestRepository.Create();
        repo.Commit("a.txt", "a\n");

        var error = Assert.ThrowsExactly<HfSecretScan.Pipeline.InputException>(() => SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions { Include = ["HEAD"], Exclude = ["no-such-branch"] }), repo.Path));

        StringAssert.Contains(error.Message, "no-such-branch");
    }
}
