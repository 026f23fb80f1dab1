using System.Text.Json;
using System.Text.RegularExpressions;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

[TestClass]
public sealed class ReportFormatTests
{
    private static readonly string User = TestTokens.User(11);
    private static readonly string Org = TestTokens.Org(12);

    /// <summary>A project with a token in a nested file whose name needs percent-encoding, and one in a binary.</summary>
    private static TempFolder Project()
    {
        var folder = new TempFolder();
        folder.Write(".config/hf-scan.json", "{}");
        folder.Write("src/app.py", $"import os\n\nTOKEN = \"{User}\"\n");
        folder.Write("docs/my notes é#1.md", $"Use `{Org}`.\n");
        folder.Write("model.bin", [0, 1, 2, 3, .. System.Text.Encoding.Unicode.GetBytes(" " + User + " "), 0]);
        return folder;
    }

    [TestMethod]
    public async Task TextHasOneLinePerFindingThenASummary()
    {
        using var folder = Project();
        var result = await CliRun.RunAsync("scan", folder.Path);
        Assert.AreEqual(1, result.ExitCode, result.All);
        string[] lines = result.Out.Split('\n', StringSplitOptions.TrimEntries);
        string redactedUser = User[..7] + "…", redactedOrg = Org[..12] + "…";
        CollectionAssert.AreEqual(
            new[]
            {
                $"docs/my notes é#1.md:1:6: hf-org-token: {redactedOrg}",
                $"model.bin:@6: hf-user-token: {redactedUser} (UTF-16LE, in binary content)",
                $"src/app.py:3:10: hf-user-token: {redactedUser}",
            },
            lines[..3]);
        Assert.IsTrue(Regex.IsMatch(lines[0], @"^[^:]+:\d+:\d+: [a-z-]+: \S+$"), lines[0]);
        StringAssert.Contains(result.Out, "https://huggingface.co/settings/tokens");
        StringAssert.Contains(result.Out, "3 tokens found in 4 items");
        Assert.DoesNotContain("\u001b[", result.Out, "no colour when not on a terminal");
        CliRun.AssertNoWholeToken(result.All, "text report");
    }

    [TestMethod]
    public async Task JsonCarriesTheSameFacts()
    {
        using var folder = Project();
        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "json");
        Assert.AreEqual(1, result.ExitCode, result.All);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.AreEqual(1, root.GetProperty("version").GetInt32());
        Assert.AreEqual("hf-scan", root.GetProperty("tool").GetProperty("name").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.HasCount(3, findings);
        var app = findings.Single(f => f.GetProperty("path").GetString() == "src/app.py");
        Assert.AreEqual("hf-user-token", app.GetProperty("ruleId").GetString());
        Assert.AreEqual("HFS001", app.GetProperty("code").GetString());
        Assert.AreEqual(3, app.GetProperty("line").GetInt32());
        Assert.AreEqual(10, app.GetProperty("column").GetInt32());
        Assert.AreEqual(20, app.GetProperty("byteOffset").GetInt64());
        Assert.IsFalse(app.GetProperty("binary").GetBoolean());
        Assert.AreEqual(User[..7] + "…", app.GetProperty("redacted").GetString());
        Assert.AreEqual(Sha256(User), app.GetProperty("fingerprint").GetString());
        StringAssert.Contains(app.GetProperty("remediation").GetString(), "fine-grained");
        var binary = findings.Single(f => f.GetProperty("path").GetString() == "model.bin");
        Assert.AreEqual(JsonValueKind.Null, binary.GetProperty("line").ValueKind);
        Assert.AreEqual(6, binary.GetProperty("byteOffset").GetInt64());
        Assert.AreEqual("utf-16le", binary.GetProperty("encoding").GetString());
        Assert.IsTrue(binary.GetProperty("binary").GetBoolean());
        var summary = root.GetProperty("summary");
        Assert.AreEqual(3, summary.GetProperty("findings").GetInt32());
        Assert.AreEqual(4, summary.GetProperty("itemsScanned").GetInt32());
        Assert.IsTrue(summary.GetProperty("complete").GetBoolean());
        Assert.AreEqual(0, root.GetProperty("problems").GetArrayLength());
        CliRun.AssertNoWholeToken(result.All, "JSON report");
    }

    [TestMethod]
    public async Task SarifIsWhatCodeScanningReads()
    {
        using var folder = Project();
        string reportPath = Path.Combine(folder.Path, "out", "report.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        var result = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "src"), Path.Combine(folder.Path, "docs"), Path.Combine(folder.Path, "model.bin"), "--format", "sarif", "--output", reportPath);
        Assert.AreEqual(1, result.ExitCode, result.All);
        Assert.AreEqual(string.Empty, result.Out, "the report goes to the file");
        string sarif = File.ReadAllText(reportPath);
        CliRun.AssertNoWholeToken(sarif + result.All, "SARIF report");

        using var json = JsonDocument.Parse(sarif);
        Assert.AreEqual("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        CollectionAssert.AreEquivalent(new[] { "hf-user-token", "hf-org-token" }, rules.Select(r => r.GetProperty("id").GetString()).ToArray());
        foreach (var rule in rules)
        {
            StringAssert.Contains(rule.GetProperty("help").GetProperty("text").GetString(), "https://huggingface.co/settings/tokens");
            Assert.IsFalse(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("markdown").GetString()));
            Assert.IsFalse(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.HasCount(3, results);
        var byUri = results.ToDictionary(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!);
        CollectionAssert.AreEquivalent(new[] { "docs/my%20notes%20%C3%A9%231.md", "model.bin", "src/app.py" }, byUri.Keys.ToArray());

        var app = byUri["src/app.py"];
        Assert.AreEqual("hf-user-token", app.GetProperty("ruleId").GetString());
        var location = app.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("PROJECTROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.AreEqual(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.AreEqual(10, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.AreEqual(Sha256(User), app.GetProperty("partialFingerprints").EnumerateObject().Single().Value.GetString());
        var binaryRegion = byUri["model.bin"].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.AreEqual(6, binaryRegion.GetProperty("byteOffset").GetInt64());
        Assert.IsFalse(binaryRegion.TryGetProperty("startLine", out _));
        Assert.AreEqual("hf-org-token", byUri["docs/my%20notes%20%C3%A9%231.md"].GetProperty("ruleId").GetString());
        string baseUri = run.GetProperty("originalUriBaseIds").GetProperty("PROJECTROOT").GetProperty("uri").GetString()!;
        Assert.IsTrue(baseUri.StartsWith("file:///", StringComparison.Ordinal) && baseUri.EndsWith('/'), baseUri);
        Assert.IsTrue(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("json")]
    [DataRow("sarif")]
    public async Task NoFormatPrintsATokenWhole(string format)
    {
        using var folder = Project();
        // Tokens also in places that end up in messages: a broken configuration and baseline.
        folder.Write(".config/hf-scan.json", $"{{\"{User}\": true, \"exclude\": [\"{Org}\"]}}");
        string baseline = folder.Write("baseline.json", $"{{\"findings\": [{{\"fingerprint\": \"{User}\", \"path\": \"x\"}}]}}");
        var result = await CliRun.RunAsync("scan", folder.Path, "--format", format, "--baseline", baseline);
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.Contains(result.All, "hf-scan.json");
        StringAssert.Contains(result.All, "baseline.json");
        CliRun.AssertNoWholeToken(result.Out, format + " output");
        CliRun.AssertNoWholeToken(result.Error, format + " errors");
    }

    private static string Sha256(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));
}
