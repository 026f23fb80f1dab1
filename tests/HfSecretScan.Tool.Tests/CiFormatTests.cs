using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

/// <summary>The formats CI hosts read (github, gitlab, azure, junit), each checked by parsing what it writes back.</summary>
[TestClass]
public sealed partial class CiFormatTests
{
    /// <summary>A file name with every character the workflow and logging commands must escape.</summary>
    private const string OddName = "odd, name: 100%;]\nx.txt";

    private static readonly string User = TestTokens.User(61);
    private static readonly string Org = TestTokens.Org(62);

    /// <summary>
    /// A repository whose project (with its own configuration) is the subfolder <c>app</c>, so that
    /// paths relative to the project differ from the paths the CI host resolves.
    /// </summary>
    private static TestRepository Repository()
    {
        var repo = TestRepository.Create();
        repo.Write("app/.config/hf-scan.json", "{}");
        repo.Write("app/" + OddName, $"first\nkey {User}\n");
        repo.Write("app/src/settings.py", $"ORG = '{Org}'\n");
        return repo;
    }

    [TestMethod]
    public async Task GitHubAnnotatesEachFindingAtItsRepositoryPath()
    {
        using var repo = Repository();

        var result = await CliRun.RunAsync("scan", Path.Combine(repo.Path, "app"), "--format", "github");

        Assert.AreEqual(1, result.ExitCode, result.All);
        CliRun.AssertNoWholeToken(result.All, "github annotations");
        var annotations = result.Out.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).Select(ParseWorkflowCommand).ToList();
        Assert.HasCount(2, annotations);
        var odd = annotations.Single(a => a.Properties["file"] == "app/" + OddName);
        Assert.AreEqual("2", odd.Properties["line"]);
        Assert.AreEqual("5", odd.Properties["col"]);
        Assert.AreEqual("42", odd.Properties["endColumn"]);
        Assert.AreEqual("Hugging Face user access token (HFS001)", odd.Properties["title"]);
        StringAssert.StartsWith(odd.Message, "Hugging Face user access token " + User[..7] + "…");
        StringAssert.Contains(odd.Message, "https://huggingface.co/settings/tokens");
        Assert.AreEqual("1", annotations.Single(a => a.Properties["file"] == "app/src/settings.py").Properties["line"]);
    }

    [TestMethod]
    public async Task GitHubAppendsAMarkdownSummaryToTheStepSummaryFile()
    {
        using var repo = Repository();
        string summary = Path.Combine(repo.Path, "..", "step-summary.md");
        File.WriteAllText(summary, "earlier step\n");

        var result = await ProcessRun.RunAsync(
            repo.Path, "dotnet", ["exec", ToolProcess.DllPath, "scan", "app", "-f", "github"], environment: new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        string markdown = File.ReadAllText(summary);
        StringAssert.StartsWith(markdown, "earlier step\n", "appended, never truncated");
        StringAssert.Contains(markdown, "### hf-scan: 2 Hugging Face tokens found");
        StringAssert.Contains(markdown, @"| not verified | 2 |");
        StringAssert.Contains(markdown, @"| app/odd, name\: 100\%;\] x\.txt | 1 |", "the path Markdown-escaped, its line break a space");
        StringAssert.Contains(markdown, @"hf\_");
        CliRun.AssertNoWholeToken(markdown + result.Output + result.Error, "step summary");
    }

    [TestMethod]
    public async Task AzureLogsOneIssuePerFindingWithItsSourcePath()
    {
        using var repo = Repository();

        var result = await CliRun.RunAsync("scan", Path.Combine(repo.Path, "app"), "--format", "azure");

        Assert.AreEqual(1, result.ExitCode, result.All);
        CliRun.AssertNoWholeToken(result.All, "azure logging commands");
        var issues = result.Out.Split('\n').Where(l => l.StartsWith("##vso[", StringComparison.Ordinal)).Select(ParseLoggingCommand).ToList();
        Assert.HasCount(2, issues);
        var odd = issues.Single(i => i.Properties["sourcepath"] == "app/" + OddName);
        Assert.AreEqual("task.logissue", odd.Command);
        Assert.AreEqual("error", odd.Properties["type"]);
        Assert.AreEqual("2", odd.Properties["linenumber"]);
        Assert.AreEqual("5", odd.Properties["columnnumber"]);
        Assert.AreEqual("HFS001", odd.Properties["code"]);
        StringAssert.StartsWith(odd.Message, "Hugging Face user access token " + User[..7] + "…");
        Assert.AreEqual("HFS002", issues.Single(i => i.Properties["sourcepath"] == "app/src/settings.py").Properties["code"]);
    }

    [TestMethod]
    public async Task GitLabWritesTheSecretDetectionReport()
    {
        using var repo = Repository();
        string app = Path.Combine(repo.Path, "app");

        var result = await CliRun.RunAsync("scan", app, "--format", "gitlab");
        var again = await CliRun.RunAsync("scan", app, "--format", "gitlab");

        Assert.AreEqual(1, result.ExitCode, result.All);
        CliRun.AssertNoWholeToken(result.All, "gitlab report");
        Assert.DoesNotContain("raw_source_code_extract", result.Out);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        StringAssert.StartsWith(root.GetProperty("version").GetString(), "15.");
        var scan = root.GetProperty("scan");
        Assert.AreEqual("secret_detection", scan.GetProperty("type").GetString());
        Assert.AreEqual("success", scan.GetProperty("status").GetString());
        foreach (string time in new[] { "start_time", "end_time" })
        {
            Assert.IsTrue(TimeFormat().IsMatch(scan.GetProperty(time).GetString()!), time);
        }

        foreach (string part in new[] { "scanner", "analyzer" })
        {
            var tool = scan.GetProperty(part);
            Assert.AreEqual("hf-scan", tool.GetProperty("id").GetString());
            Assert.IsFalse(string.IsNullOrEmpty(tool.GetProperty("version").GetString()));
            Assert.IsFalse(string.IsNullOrEmpty(tool.GetProperty("vendor").GetProperty("name").GetString()));
        }

        var vulnerabilities = root.GetProperty("vulnerabilities").EnumerateArray().ToList();
        Assert.HasCount(2, vulnerabilities);
        var odd = vulnerabilities.Single(v => v.GetProperty("location").GetProperty("file").GetString() == "app/" + OddName);
        Assert.AreEqual("secret_detection", odd.GetProperty("category").GetString());
        Assert.AreEqual("Hugging Face user access token", odd.GetProperty("name").GetString());
        Assert.AreEqual("Critical", odd.GetProperty("severity").GetString(), "unverified: treated as live");
        StringAssert.Contains(odd.GetProperty("description").GetString(), User[..7] + "…");
        var identifier = odd.GetProperty("identifiers")[0];
        Assert.AreEqual("hf-user-token", identifier.GetProperty("value").GetString());
        Assert.IsFalse(string.IsNullOrEmpty(identifier.GetProperty("type").GetString()));
        Assert.AreEqual(2, odd.GetProperty("location").GetProperty("start_line").GetInt32());
        Assert.AreEqual(2, odd.GetProperty("location").GetProperty("end_line").GetInt32());
        Assert.AreEqual("0000000", odd.GetProperty("location").GetProperty("commit").GetProperty("sha").GetString(), "no commit: what GitLab's analyzer writes");
        Assert.IsTrue(Guid.TryParse(odd.GetProperty("id").GetString(), out _));
        using var second = JsonDocument.Parse(again.Out);
        CollectionAssert.AreEqual(
            vulnerabilities.Select(v => v.GetProperty("id").GetString()).ToArray(),
            second.RootElement.GetProperty("vulnerabilities").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToArray(),
            "ids are stable from one pipeline to the next");
        Assert.AreEqual(2, vulnerabilities.Select(v => v.GetProperty("id").GetString()).Distinct().Count());
    }

    [TestMethod]
    public async Task GitLabNamesTheCommitOfAHistoryFinding()
    {
        using var repo = TestRepository.Create();
        string commit = repo.Commit("cfg/a.env", "T=" + User + "\n", "leak");
        repo.Commit("cfg/a.env", "T=\n", "fix");

        var result = await CliRun.RunAsync("history", repo.Path, "--format", "gitlab");

        Assert.AreEqual(1, result.ExitCode, result.All);
        CliRun.AssertNoWholeToken(result.All, "gitlab report");
        using var json = JsonDocument.Parse(result.Out);
        var location = json.RootElement.GetProperty("vulnerabilities").EnumerateArray().Single().GetProperty("location");
        Assert.AreEqual("cfg/a.env", location.GetProperty("file").GetString());
        var gitCommit = location.GetProperty("commit");
        Assert.AreEqual(commit, gitCommit.GetProperty("sha").GetString());
        StringAssert.Contains(gitCommit.GetProperty("author").GetString(), "author@example.com");
        Assert.IsTrue(TimeFormat().IsMatch(gitCommit.GetProperty("date").GetString()!));
    }

    [TestMethod]
    public async Task JUnitHasAFailingCasePerFindingAndOnePassingCaseWhenClean()
    {
        using var repo = Repository();
        repo.Write("app/ctl\u0001.txt", User + "\n");

        var result = await CliRun.RunAsync("scan", Path.Combine(repo.Path, "app"), "--format", "junit");

        Assert.AreEqual(1, result.ExitCode, result.All);
        CliRun.AssertNoWholeToken(result.All, "junit report");
        var suite = XDocument.Parse(result.Out).Root!.Element("testsuite")!;
        Assert.AreEqual("3", suite.Attribute("tests")!.Value);
        Assert.AreEqual("3", suite.Attribute("failures")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.HasCount(3, cases);
        Assert.IsTrue(cases.All(c => c.Element("failure") is not null));
        var odd = cases.Single(c => c.Attribute("name")!.Value == Reporting.DisplayText.Quote(OddName) + ":2:5");
        Assert.AreEqual("hf-user-token", odd.Element("failure")!.Attribute("type")!.Value);
        Assert.AreEqual("Hugging Face user access token " + User[..7] + "…", odd.Element("failure")!.Attribute("message")!.Value);
        Assert.IsNotNull(cases.SingleOrDefault(c => c.Attribute("name")!.Value == "\"ctl\\001.txt\":1:1"), "a control character is quoted as git quotes it");

        using var clean = new TempFolder();
        clean.Write("a.txt", "nothing here\n");
        var passing = await CliRun.RunAsync("scan", clean.Path, "--format", "junit");
        Assert.AreEqual(0, passing.ExitCode, passing.All);
        var cleanSuite = XDocument.Parse(passing.Out).Root!.Element("testsuite")!;
        var only = cleanSuite.Elements("testcase").Single();
        Assert.IsFalse(only.HasElements, "a passing testcase");
        Assert.AreEqual("0", cleanSuite.Attribute("failures")!.Value);
    }

    [TestMethod]
    public async Task AProblemIsAWarningAnnotationAndAnErroringTestcase()
    {
        using var folder = new TempFolder();
        folder.Write(".config/hf-scan.json", "{ not json");
        folder.Write("a.txt", "clean\n");

        var github = await CliRun.RunAsync("scan", folder.Path, "--format", "github");
        var junit = await CliRun.RunAsync("scan", folder.Path, "--format", "junit");

        Assert.AreEqual(2, github.ExitCode, github.All);
        Assert.IsTrue(github.Out.Split('\n').Any(l => l.StartsWith("::warning ", StringComparison.Ordinal) && l.Contains("hf-scan.json", StringComparison.Ordinal)), github.Out);
        Assert.AreEqual(2, junit.ExitCode, junit.All);
        var suite = XDocument.Parse(junit.Out).Root!.Element("testsuite")!;
        Assert.AreEqual("1", suite.Attribute("errors")!.Value);
        Assert.IsNotNull(suite.Elements("testcase").Single().Element("error"));
    }

    /// <summary>Reads <c>::error k=v,k=v::message</c> back as the runner does.</summary>
    private static (Dictionary<string, string> Properties, string Message) ParseWorkflowCommand(string line)
    {
        int end = line.IndexOf("::", 2, StringComparison.Ordinal);
        string head = line[2..end];
        string properties = head[(head.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var parsed = properties.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => UnescapeGitHub(p[1], property: true));
        return (parsed, UnescapeGitHub(line[(end + 2)..].TrimEnd('\r'), property: false));
    }

    private static string UnescapeGitHub(string text, bool property)
    {
        Assert.IsFalse(text.Contains('\n') || text.Contains('\r') || (property && (text.Contains(':') || text.Contains(','))), "unescaped separator: " + text);
        return text.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
            .Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
    }

    /// <summary>Reads <c>##vso[area.action k=v;k=v]message</c> back as the agent does.</summary>
    private static (string Command, Dictionary<string, string> Properties, string Message) ParseLoggingCommand(string line)
    {
        int close = line.IndexOf(']', StringComparison.Ordinal);
        string head = line[6..close];
        int space = head.IndexOf(' ', StringComparison.Ordinal);
        var properties = head[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => UnescapeAzure(p[1]));
        return (head[..space], properties, UnescapeAzure(line[(close + 1)..].TrimEnd('\r')));
    }

    private static string UnescapeAzure(string text) =>
        text.Replace("%3B", ";", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal)
            .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%AZP25", "%", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")]
    private static partial Regex TimeFormat();
}
