using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories.History;

namespace HfSecretScan.Git.Tests.History;

/// <summary>What a history scan tells an auditor per finding: which refs carry it, whether HEAD still holds it, how many commits carry the token.</summary>
[TestClass]
public sealed class TokenPresenceTests
{
    private static ScanReport ScanAll(string path) => SourceRun.Report(new HistorySource(path, new HistoryScanOptions()), path);

    [TestMethod]
    public void A_folder_that_changes_shape_from_version_to_version_keeps_every_blob_and_count()
    {
        // Each version of src/ differs from the last in a way a walk that reuses the previous
        // version's entries must get right: entries inserted before and after, one removed, a file
        // turned into a folder of the same name, and the token's blob moved to a name that sorts first.
        using var repo = TestRepository.Create();
        string token = TestTokens.NewUser();
        string later = TestTokens.NewUser();
        repo.Commit("src/m.txt", "m\n", "m");
        string leak = repo.Commit("src/t.env", $"T={token}\n", "leak");
        repo.Commit("src/a.txt", "a\n", "insert before");
        repo.Commit("src/z.txt", "z\n", "insert after");
        repo.Git("rm", "-q", "src/m.txt");
        repo.Git("commit", "-q", "-m", "remove");
        repo.Git("rm", "-q", "src/a.txt");
        repo.Write("src/a.txt/inner.env", $"L={later}\n");
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "file to folder");
        string folder = repo.Head();
        repo.Git("mv", "src/t.env", "src/0.env");
        repo.Git("commit", "-q", "-m", "move first");

        var report = ScanAll(repo.Path);

        var leaked = report.Findings.Single(f => f.Path == "src/t.env").Commit!;
        Assert.AreEqual(leak, leaked.CommitId);
        Assert.AreEqual(6, leaked.CommitCount, "leak, insert before, insert after, remove, file to folder, move first");
        CollectionAssert.AreEqual(new[] { "src/0.env" }, leaked.PathsAtHead.ToArray());
        var inner = report.Findings.Single(f => f.Path == "src/a.txt/inner.env").Commit!;
        Assert.AreEqual(folder, inner.CommitId);
        Assert.AreEqual(2, inner.CommitCount, "file to folder, move first");
        Assert.HasCount(2, report.Findings);
    }

    [TestMethod]
    public void Refs_are_those_whose_history_holds_the_blob_and_HEAD_paths_are_where_its_tree_has_it()
    {
        using var repo = TestRepository.Create();
        string token = TestTokens.NewUser();
        string side = TestTokens.NewUser();
        repo.Commit("a.env", $"T={token}\n", "leak");
        repo.Git("tag", "v1");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Commit("b.env", $"S={side}\n", "side leak");
        repo.Git("update-ref", "refs/pull/7/head", "HEAD");
        repo.Git("update-ref", "refs/pr/2", "HEAD");
        repo.Git("checkout", "-q", "main");
        repo.Git("mv", "a.env", "moved.env");
        repo.Git("commit", "-q", "-m", "move");

        var report = ScanAll(repo.Path);

        var atHead = report.Findings.Single(f => f.Path == "a.env").Commit!;
        CollectionAssert.AreEqual(new[] { "refs/heads/feature", "refs/heads/main", "refs/pr/2", "refs/pull/7/head", "refs/tags/v1" }, atHead.Refs!.ToArray());
        CollectionAssert.AreEqual(new[] { "moved.env" }, atHead.PathsAtHead.ToArray(), "HEAD holds the same blob under its new name");
        Assert.AreEqual(3, atHead.CommitCount, "leak, side leak, move");
        var onBranch = report.Findings.Single(f => f.Path == "b.env").Commit!;
        CollectionAssert.AreEqual(new[] { "refs/heads/feature", "refs/pr/2", "refs/pull/7/head" }, onBranch.Refs!.ToArray());
        Assert.IsFalse(onBranch.AtHead);

        var groups = TokenGroup.Of(report.Findings);
        Assert.AreEqual(TokenReach.AtHead, groups.Single(g => g.Findings.Any(f => f.Path == "a.env")).Reach);
        Assert.AreEqual(TokenReach.InRefs, groups.Single(g => g.Findings.Any(f => f.Path == "b.env")).Reach);
        Assert.AreEqual(("moved.env", (int?)1), groups[0].AtHead.Single());
    }

    [TestMethod]
    public void A_token_in_two_files_counts_the_commits_that_carry_either()
    {
        using var repo = TestRepository.Create();
        string token = TestTokens.NewUser();
        repo.Commit("one.env", $"T={token}\n", "one");
        repo.Commit("two.env", $"X=1\nT={token}\n", "two");
        repo.Git("rm", "-q", "one.env");
        repo.Git("commit", "-q", "-m", "drop one");
        repo.Commit("other.txt", "clean\n", "later");

        var group = TokenGroup.Of(ScanAll(repo.Path).Findings).Single();

        Assert.AreEqual(2, group.VersionCount);
        Assert.AreEqual(2, group.FileCount);
        Assert.AreEqual(4, group.CommitCount, "one.env is in 'one' and 'two', two.env from 'two' on: 4 commits, not 2 + 3");
        Assert.AreEqual(4, group.Findings.Single(f => f.Path == "two.env").Commit!.TokenCommitCount);
        Assert.AreEqual(2, group.Findings.Single(f => f.Path == "one.env").Commit!.CommitCount);
    }

    [TestMethod]
    public void Stash_reflog_only_and_unreachable_content_are_told_apart()
    {
        using var repo = TestRepository.Create();
        repo.Commit("base.txt", "base\n", "base");
        string stashed = TestTokens.NewUser();
        repo.Write("base.txt", $"base {stashed}\n");
        repo.Git("stash", "-q");
        string reflogOnly = TestTokens.NewUser();
        repo.Commit("r.env", $"R={reflogOnly}\n", "soon reset");
        repo.Git("reset", "-q", "--hard", "HEAD~1");
        string dangling = TestTokens.NewOrg();
        File.WriteAllText(Path.Combine(repo.Path, "d.txt"), dangling + "\n");
        repo.Git("hash-object", "-w", "d.txt");
        File.Delete(Path.Combine(repo.Path, "d.txt"));

        var report = ScanAll(repo.Path);

        var stash = report.Findings.Single(f => f.Secret.Redacted == Secret.Redact(Detection.TokenRules.UserToken, stashed)).Commit!;
        CollectionAssert.Contains(stash.Refs!.ToArray(), "refs/stash");
        var reset = TokenGroup.Of(report.Findings).Single(g => g.Secret.Redacted == Secret.Redact(Detection.TokenRules.UserToken, reflogOnly));
        Assert.AreEqual(TokenReach.InReflogsOnly, reset.Reach);
        Assert.IsEmpty(reset.Refs);
        var unreachable = TokenGroup.Of(report.Findings).Single(g => g.Rule == Detection.TokenRules.OrgToken);
        Assert.AreEqual(TokenReach.UnreachableOnly, unreachable.Reach);
    }

    [TestMethod]
    public void A_detached_HEAD_is_a_ref_and_messages_are_carried_by_the_refs_that_reach_their_commit()
    {
        using var repo = TestRepository.Create();
        string inMessage = TestTokens.NewUser();
        string inTag = TestTokens.NewUser();
        repo.Commit("a.txt", "a\n", $"token was {inMessage}");
        repo.Git("tag", "-a", "v2", "-m", $"release {inTag}");
        repo.Commit("b.txt", "b\n", "next");
        repo.Git("checkout", "-q", "--detach", "HEAD");
        repo.Git("branch", "-q", "-D", "main");

        var report = ScanAll(repo.Path);

        var message = report.Findings.Single(f => f.Path == "(commit message)").Commit!;
        Assert.IsTrue(message.InMessage);
        CollectionAssert.AreEqual(new[] { "HEAD", "refs/tags/v2" }, message.Refs!.ToArray());
        Assert.IsFalse(message.AtHead, "a message is never in HEAD's tree");
        var tag = report.Findings.Single(f => f.Path == "(tag message v2)").Commit!;
        CollectionAssert.AreEqual(new[] { "refs/tags/v2" }, tag.Refs!.ToArray());
        Assert.AreEqual("1 message, 1 commit", Reporting.TokenGroupText.Counts(TokenGroup.Of([report.Findings.Single(f => f.Path == "(commit message)")]).Single()));
    }

    [TestMethod]
    public void A_range_scan_says_where_HEAD_holds_a_token_but_not_which_refs()
    {
        using var repo = TestRepository.Create();
        string baseCommit = repo.Commit("a.txt", "clean\n", "base");
        repo.Commit("a.env", $"T={TestTokens.NewUser()}\n", "leak");

        var report = SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions { Include = ["HEAD"], Exclude = [baseCommit] }), repo.Path);

        var origin = report.Findings.Single().Commit!;
        Assert.IsNull(origin.Refs, "a range does not read the refs");
        Assert.IsTrue(origin.AtHead);
        Assert.AreEqual(TokenReach.AtHead, TokenGroup.Of(report.Findings).Single().Reach);
    }

    [TestMethod]
    public void A_range_that_leaves_HEAD_out_still_reads_HEAD_s_tree()
    {
        using var repo = TestRepository.Create();
        string baseCommit = repo.Commit("a.txt", "clean\n", "base");
        string text = $"T={TestTokens.NewUser()}\n";
        repo.Git("checkout", "-q", "-b", "feature");
        string feature = repo.Commit("a.env", text, "leak on feature");
        repo.Git("checkout", "-q", "main");
        repo.Commit("copy.env", text, "same content on main");

        var report = SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions { Include = [feature], Exclude = [baseCommit] }), repo.Path);

        CollectionAssert.AreEqual(new[] { "copy.env" }, report.Findings.Single().Commit!.PathsAtHead.ToArray());
    }
}
