using System.Text.Json;
using HfSecretScan.Detection;
using HfSecretScan.Findings;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Pipeline;

/// <summary>
/// One repository whose configuration excludes <c>fixtures/</c> and whose baseline accepts one
/// token, and every entry point of the tool run on it: each must report the new token only (revoke
/// and baseline, which ignore the baseline by design, the new and the accepted one), never the
/// fixture's.
/// </summary>
[TestClass]
public sealed class SameRulesTests
{
    private const string NewPath = "src/new.env";
    private const string KnownPath = "src/known.env";

    private static readonly string Fixture = TestTokens.User(901);
    private static readonly string Known = TestTokens.User(902);
    private static readonly string Fresh = TestTokens.User(903);

    /// <summary>The repository with its configuration and baseline committed; the three files written but not yet added.</summary>
    private static TestRepository Create()
    {
        var repo = TestRepository.Create();
        string fingerprint = new Secret(TokenRules.UserToken, Known).Fingerprint;
        repo.Write(".config/hf-scan.json", """{ "exclude": ["fixtures/"], "baseline": ".config/hf-scan-baseline.json" }""");
        repo.Write(".config/hf-scan-baseline.json", $$"""{ "version": 1, "findings": [ { "fingerprint": "{{fingerprint}}", "rule": "hf-user-token", "path": "{{KnownPath}}" } ] }""");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "configuration");
        repo.Write("fixtures/leak.env", "HF_TOKEN=" + Fixture + "\n");
        repo.Write(KnownPath, "HF_TOKEN=" + Known + "\n");
        repo.Write(NewPath, "HF_TOKEN=" + Fresh + "\n");
        return repo;
    }

    private static string[] FindingPaths(ProcessResult run)
    {
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)];
    }

    [TestMethod]
    public void Scan_honours_the_globs_and_the_baseline()
    {
        using var repo = Create();

        var run = ToolProcess.Run(repo.Path, null, "scan", "--format", "json");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        CollectionAssert.AreEqual(new[] { NewPath }, FindingPaths(run), run.ToString());
    }

    [TestMethod]
    public void Staged_honours_the_globs_and_the_baseline()
    {
        using var repo = Create();
        repo.Git("add", "-A");

        var run = ToolProcess.Run(repo.Path, null, "staged", "--format", "json");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        CollectionAssert.AreEqual(new[] { NewPath }, FindingPaths(run), run.ToString());
    }

    [TestMethod]
    public void History_honours_the_globs_and_the_baseline_by_the_path_in_the_commit()
    {
        using var repo = Create();
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "three files");
        repo.Git("rm", "-q", "-r", "fixtures", "src");
        repo.Git("commit", "-q", "-m", "removed again");

        var run = ToolProcess.Run(repo.Path, null, "history", "--format", "json");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        CollectionAssert.AreEqual(new[] { NewPath }, FindingPaths(run), run.ToString());
    }

    [TestMethod]
    public void The_pre_push_hook_lets_through_what_the_configuration_excludes_or_accepts()
    {
        using var remote = TestRepository.Create(bare: true);
        using var repo = Create();
        repo.Git("remote", "add", "origin", remote.Path);
        repo.Git("push", "-q", "origin", "main");
        Assert.AreEqual(0, ToolProcess.Run(repo.Path, null, "hook", "install", "--pre-push").ExitCode);
        var env = new Dictionary<string, string> { ["PATH"] = ToolProcess.IsolatedPath };

        repo.Git("add", "fixtures", KnownPath);
        repo.Git("commit", "-q", "-m", "fixture and accepted token");
        var pushed = ProcessRun.Run(repo.Path, "git", ["push", "origin", "main"], environment: env);
        Assert.AreEqual(0, pushed.ExitCode, pushed.ToString());

        repo.Git("add", NewPath);
        repo.Git("commit", "-q", "-m", "new token");
        var blocked = ProcessRun.Run(repo.Path, "git", ["push", "origin", "main"], environment: env);
        Assert.AreNotEqual(0, blocked.ExitCode, blocked.ToString());
        StringAssert.Contains(blocked.Output + blocked.Error, NewPath + ":1:10");
        Assert.DoesNotContain("fixtures/", blocked.Output + blocked.Error);
        Assert.DoesNotContain(KnownPath, blocked.Output + blocked.Error);
    }

    [TestMethod]
    public void Revoke_honours_the_globs_and_offers_baselined_tokens_too()
    {
        using var repo = Create();

        // Declined at the prompt: nothing is sent anywhere, but the list shows what would be revoked.
        var run = ToolProcess.Run(repo.Path, "n\n", "revoke");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "2 token(s) to revoke");
        StringAssert.Contains(run.Output, NewPath + ":1:10");
        StringAssert.Contains(run.Output, KnownPath + ":1:10");
        Assert.DoesNotContain("fixtures/", run.Output);
    }

    [TestMethod]
    public void Baseline_honours_the_globs_and_records_accepted_tokens_again()
    {
        using var repo = Create();
        string written = Path.Combine(repo.Path, "new-baseline.json");

        var run = ToolProcess.Run(repo.Path, null, "baseline", "-o", written);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(written));
        var paths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { KnownPath, NewPath }, paths);
    }
}
