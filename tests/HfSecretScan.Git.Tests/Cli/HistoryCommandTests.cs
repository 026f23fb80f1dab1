using System.Text.Json;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Cli;

[TestClass]
public sealed class HistoryCommandTests
{
    [TestMethod]
    public void Text_shows_commit_path_line_and_column_and_exits_1()
    {
        using var repo = TestRepository.Create();
        string commit = repo.Commit("cfg/a.env", "x\nT=" + TestTokens.User(41) + "\n", "leak");
        repo.Commit("cfg/a.env", "x\nT=\n", "fix");

        var result = ToolProcess.Run(repo.Path, null, "history");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, $"{commit[..12]}:cfg/a.env:2:3: ");
        StringAssert.Contains(result.Output, "git filter-repo");
        Assert.IsFalse(result.Output.Contains(TestTokens.User(41), StringComparison.Ordinal), "never the whole token");
        Assert.AreEqual(string.Empty, result.Error, "no progress when standard error is not a terminal");
    }

    [TestMethod]
    public void Sarif_names_the_path_in_the_commit_and_the_full_commit_id()
    {
        using var repo = TestRepository.Create();
        string commit = repo.Commit("dir/my file.txt", TestTokens.User(42) + "\n", "leak");
        repo.Git("commit", "-q", "--amend", "-m", "leak, renamed");
        repo.Git("reflog", "expire", "--expire=now", "--all");
        repo.Commit("dir/my file.txt", "clean\n", "fix");
        string amended = repo.Git("rev-parse", "HEAD~1");
        Assert.AreNotEqual(commit, amended);

        var result = ToolProcess.Run(repo.Path, null, "history", "--format", "sarif");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        using var sarif = JsonDocument.Parse(result.Output);
        var finding = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        var location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("dir/my%20file.txt", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual(amended, finding.GetProperty("properties").GetProperty("commit").GetString(), "the reachable commit wins over the dangling one");
        Assert.IsFalse(finding.GetProperty("properties").TryGetProperty("unreachable", out _));
    }

    [TestMethod]
    public void A_missing_object_without_findings_exits_2()
    {
        using var repo = TestRepository.Create();
        repo.Commit("a.txt", "clean\n", "one");
        string blob = repo.Git("rev-parse", "HEAD:a.txt");
        File.Delete(Path.Combine(repo.Path, ".git", "objects", blob[..2], blob[2..]));

        var result = ToolProcess.Run(repo.Path, null, "history");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, blob);
    }

    [TestMethod]
    public void Since_and_ranges_scan_only_the_new_commits()
    {
        using var repo = TestRepository.Create();
        string old = repo.Commit("old.txt", TestTokens.User(43) + "\n", "old");
        repo.Commit("new.txt", "clean\n", "new");

        Assert.AreEqual(0, ToolProcess.Run(repo.Path, null, "history", "--since", old).ExitCode);
        Assert.AreEqual(0, ToolProcess.Run(repo.Path, null, "history", ".", old + "..HEAD").ExitCode);
        Assert.AreEqual(0, ToolProcess.Run(repo.Path, null, "history", "HEAD~1..").ExitCode);
        Assert.AreEqual(1, ToolProcess.Run(repo.Path, null, "history").ExitCode);
        var bad = ToolProcess.Run(repo.Path, null, "history", "--since", "nope");
        Assert.AreEqual(2, bad.ExitCode);
        StringAssert.Contains(bad.Error, "'nope' does not name a commit");
    }

    [TestMethod]
    public void Outside_a_repository_is_a_clear_error()
    {
        string folder = Directory.CreateTempSubdirectory("hfscan-norepo-").FullName;
        try
        {
            var result = ToolProcess.Run(folder, null, "history");
            Assert.AreEqual(2, result.ExitCode, result.ToString());
            StringAssert.Contains(result.Error, "No git repository");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
