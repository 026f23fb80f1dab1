using System.Text.Json;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Action;

/// <summary>
/// The GitHub Action's shell steps (action/run.sh, which action.yml runs), driven as a runner would:
/// an event payload, GITHUB_WORKSPACE, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, against a real
/// repository with a pull request's range, and the tool built from this source tree.
/// </summary>
[TestClass]
public sealed class ActionScriptTests
{
    private static string Script => Path.Combine(SourceTree.Root(), "action", "run.sh");

    /// <summary>A repository whose main branch already holds a token, and a pull request that adds another.</summary>
    private static (TestRepository Repo, string Base, string Head) PullRequest()
    {
        var repo = TestRepository.Create();
        repo.Commit("old/known.txt", TestTokens.User(81) + "\n", "a token from before the pull request");
        string @base = repo.Head();
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Commit("src/new.py", "x = 1\nTOKEN = '" + TestTokens.User(82) + "'\n", "the pull request's leak");
        repo.Commit("README.md", "docs\n", "and something clean");
        return (repo, @base, repo.Head());
    }

    private static (ProcessResult Result, Dictionary<string, string> Outputs, string Summary) Run(TestRepository repo, string eventJson, Dictionary<string, string> inputs)
    {
        string runner = Directory.CreateDirectory(Path.Combine(repo.Path, "..", "runner")).FullName;
        string eventPath = Path.Combine(runner, "event.json");
        string outputPath = Path.Combine(runner, "output");
        string summaryPath = Path.Combine(runner, "summary.md");
        File.WriteAllText(eventPath, eventJson);
        File.WriteAllText(outputPath, string.Empty);
        File.WriteAllText(summaryPath, string.Empty);
        var environment = new Dictionary<string, string>(inputs)
        {
            ["GITHUB_WORKSPACE"] = repo.Path,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_OUTPUT"] = outputPath,
            ["GITHUB_STEP_SUMMARY"] = summaryPath,
            ["RUNNER_TEMP"] = runner,
            ["HF_SCAN_COMMAND"] = ToolProcess.Executable,
            ["PATH"] = ToolProcess.IsolatedPath,
        };
        var install = ProcessRun.Run(runner, "bash", [Script, "install"], environment: environment);
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        var result = ProcessRun.Run(runner, "bash", [Script, "scan"], environment: environment);
        var outputs = File.ReadAllLines(outputPath).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (result, outputs, File.ReadAllText(summaryPath));
    }

    [TestMethod]
    public void Diff_mode_annotates_what_the_pull_request_introduces_and_writes_sarif()
    {
        var (repo, @base, head) = PullRequest();
        using (repo)
        {
            string payload = JsonSerializer.Serialize(new { pull_request = new { @base = new { sha = @base }, head = new { sha = head } } });

            var (result, outputs, summary) = Run(repo, payload, new() { ["INPUT_MODE"] = "diff", ["INPUT_SARIF"] = "reports/hf-scan.sarif" });

            Assert.AreEqual(1, result.ExitCode, result.ToString());
            var annotations = result.Output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
            Assert.HasCount(1, annotations, result.Output);
            StringAssert.StartsWith(annotations[0], "::error file=src/new.py,line=2,endLine=2,col=10,");
            Assert.DoesNotContain("known.txt", result.Output, "what the base already had is not the pull request's");
            Assert.AreEqual("1", outputs["findings"]);
            Assert.AreEqual("1", outputs["exit-code"]);
            StringAssert.Contains(summary, "### hf-scan: 1 Hugging Face token found");
            string sarifPath = Path.Combine(repo.Path, "reports", "hf-scan.sarif");
            Assert.AreEqual(sarifPath, outputs["sarif"]);
            using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.AreEqual(1, results.GetArrayLength());
            Assert.AreEqual("src/new.py", results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            CliRun.AssertNoWholeToken(result.Output + result.Error + summary + File.ReadAllText(sarifPath), "the action's output");
        }
    }

    [TestMethod]
    public void Fail_on_findings_false_passes_and_scan_mode_reads_the_checkout()
    {
        var (repo, _, _) = PullRequest();
        using (repo)
        {
            var (result, outputs, _) = Run(repo, "{}", new() { ["INPUT_MODE"] = "scan", ["INPUT_FAIL_ON_FINDINGS"] = "false" });

            Assert.AreEqual(0, result.ExitCode, result.ToString());
            Assert.AreEqual("2", outputs["findings"], "both files of the checkout");
            Assert.AreEqual("1", outputs["exit-code"]);
            StringAssert.Contains(result.Output, "fail-on-findings is false");
        }
    }

    [TestMethod]
    public void Diff_mode_on_a_push_scans_before_to_after_and_without_an_event_says_so()
    {
        var (repo, @base, head) = PullRequest();
        using (repo)
        {
            var (pushed, outputs, _) = Run(repo, JsonSerializer.Serialize(new { before = @base, after = head }), new() { ["INPUT_MODE"] = "diff" });
            Assert.AreEqual(1, pushed.ExitCode, pushed.ToString());
            Assert.AreEqual("1", outputs["findings"]);

            var (noEvent, noEventOutputs, _) = Run(repo, "{}", new() { ["INPUT_MODE"] = "diff" });
            Assert.AreEqual(2, noEvent.ExitCode, noEvent.ToString());
            StringAssert.Contains(noEvent.Error, "names no head commit");
            Assert.AreEqual("2", noEventOutputs["exit-code"]);
        }
    }
}
