using System.Text.RegularExpressions;

namespace HfSecretScan.Git.Tests.Reports;

[TestClass]
public sealed class PurgePlanTests
{
    [TestMethod]
    public async Task The_plan_matches_every_token_without_holding_one_and_names_the_steps()
    {
        using var audit = new AuditRepository();
        string plan = Path.Combine(audit.Repository.Path, "..", "plan.txt");

        var result = await CliRun.RunAsync("history", audit.Repository.Path, "--purge-plan", plan);

        Assert.AreEqual(1, result.ExitCode, result.All);
        string text = await File.ReadAllTextAsync(plan);
        TestTokens.AssertNotIn(text + result.All, audit.Tokens);
        CliRun.AssertNoWholeToken(text, "the purge plan");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(4, lines);
        foreach (string token in audit.Tokens)
        {
            Assert.IsTrue(
                lines.Any(l => Regex.IsMatch(token, "^" + l["regex:".Length..l.IndexOf("==>", StringComparison.Ordinal)] + "$")),
                "an expression matches each token whole");
        }

        foreach (string step in new[] { "Revoke every token first", "git filter-repo --replace-text", "git reflog expire --expire=now --all", "git gc --prune=now", "git push --force --all", "--tags", "GitHub Support" })
        {
            StringAssert.Contains(result.Error, step);
        }

        Assert.DoesNotContain("--strip-blobs-with-ids", result.Error, "no binary blob here");
        Assert.IsFalse(File.Exists(plan + ".blob-ids"));
    }

    [TestMethod]
    public async Task Tokens_in_binary_blobs_and_on_Hub_pull_request_refs_get_their_own_steps()
    {
        using var repo = TestRepository.Create();
        var model = new byte[] { 0x80, 0x02, 0x00, 0x25 }.Concat(System.Text.Encoding.ASCII.GetBytes(TestTokens.NewUser())).ToArray();
        repo.Write("model.bin", model);
        repo.Git("add", "model.bin");
        repo.Git("commit", "-q", "-m", "model");
        repo.Git("update-ref", "refs/pr/3", "HEAD");
        repo.Git("remote", "add", "origin", "https://huggingface.co/acme/model");
        string plan = Path.Combine(repo.Path, "..", "plan.txt");

        var result = await CliRun.RunAsync("history", repo.Path, "--purge-plan", plan);

        Assert.AreEqual(1, result.ExitCode, result.All);
        Assert.AreEqual(repo.Git("rev-parse", "HEAD:model.bin") + "\n", await File.ReadAllTextAsync(plan + ".blob-ids"));
        StringAssert.Contains(result.Error, "--strip-blobs-with-ids");
        StringAssert.Contains(result.Error, "refs/pr/* (refs/pr/3) belong to the Hub");
        StringAssert.Contains(result.Error, "git clone --mirror https://huggingface.co/acme/model purge.git");
    }
}

/// <summary>The plan applied by the real git filter-repo (Debian package git-filter-repo).</summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class PurgePlanFilterRepoTests
{
    [TestMethod]
    public async Task Git_filter_repo_with_the_plan_leaves_a_history_that_scans_clean()
    {
        using var repo = TestRepository.Create();
        string first = TestTokens.NewUser();
        string second = TestTokens.NewOrg();
        string message = TestTokens.NewUser();
        string tag = TestTokens.NewUser();
        repo.Commit(".env", $"HF_TOKEN={first}\n", "settings");
        repo.Commit("app/config.json", $"{{\"org\": \"{second}\", \"again\": \"{first}\"}}\n", $"config, was {message}");
        repo.Git("tag", "-a", "v1", "-m", $"release with {tag}");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Commit("notes.md", $"see {second}\n", "notes");
        repo.Git("checkout", "-q", "main");
        repo.Commit(".env", "HF_TOKEN=\n", "clean");
        string plan = Path.Combine(repo.Path, "..", "plan.txt");

        var planned = await CliRun.RunAsync("history", repo.Path, "--purge-plan", plan);
        Assert.AreEqual(1, planned.ExitCode, planned.All);
        StringAssert.Contains(planned.Error, "--replace-message", "a commit and a tag message hold tokens");

        string mirror = repo.Clone("purge.git", "--mirror", "--no-local");
        var rewrite = ProcessRun.Run(mirror, "git", ["filter-repo", "--replace-text", plan, "--replace-message", plan]);
        Assert.AreEqual(0, rewrite.ExitCode, rewrite.ToString());

        var rescan = await CliRun.RunAsync("history", mirror);
        Assert.AreEqual(0, rescan.ExitCode, rescan.All);
        string log = TestRepository.GitIn(mirror, "log", "--all", "-p", "--format=%B");
        TestTokens.AssertNotIn(log + TestRepository.GitIn(mirror, "cat-file", "-p", "v1"), [first, second, message, tag]);
        StringAssert.Contains(log, "***REMOVED***");
        StringAssert.Contains(TestRepository.GitIn(mirror, "branch", "--list"), "feature", "the branch survives the rewrite");
    }
}
