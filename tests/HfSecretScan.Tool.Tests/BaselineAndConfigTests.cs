using System.Text.Json;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

[TestClass]
public sealed class BaselineAndConfigTests
{
    private static readonly string Known = TestTokens.User(21);
    private static readonly string Fresh = TestTokens.User(22);

    [TestMethod]
    public async Task BaselineHidesKnownFindingsAndReportsNewOnes()
    {
        using var folder = new TempFolder();
        folder.Write("a.py", $"T = \"{Known}\"\n");
        string baseline = Path.Combine(folder.Path, "hf-scan-baseline.json");

        var write = await CliRun.RunAsync("baseline", folder.Path, "-o", baseline);
        Assert.AreEqual(0, write.ExitCode, write.All);
        string stored = File.ReadAllText(baseline);
        CliRun.AssertNoWholeToken(stored + write.All, "baseline");
        using (var json = JsonDocument.Parse(stored))
        {
            var entry = json.RootElement.GetProperty("findings").EnumerateArray().Single();
            Assert.AreEqual("a.py", entry.GetProperty("path").GetString());
            Assert.AreEqual("hf-user-token", entry.GetProperty("rule").GetString());
            Assert.HasCount(64, entry.GetProperty("fingerprint").GetString()!);
        }

        var clean = await CliRun.RunAsync("scan", folder.Path, "--baseline", baseline);
        Assert.AreEqual(0, clean.ExitCode, clean.All);
        StringAssert.Contains(clean.Out, "1 in the baseline");

        // Lines move: still known. A new token, and the known token in another file, are new.
        folder.Write("a.py", $"# moved\n\nT = \"{Known}\"\n");
        folder.Write("b.py", $"U = \"{Fresh}\"\n");
        folder.Write("c.py", $"V = \"{Known}\"\n");
        var later = await CliRun.RunAsync("scan", folder.Path, "--baseline", baseline, "--format", "json");
        Assert.AreEqual(1, later.ExitCode, later.All);
        using var report = JsonDocument.Parse(later.Out);
        CollectionAssert.AreEqual(
            new[] { "b.py", "c.py" },
            report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToArray());
        Assert.AreEqual(1, report.RootElement.GetProperty("summary").GetProperty("suppressedByBaseline").GetInt32());
    }

    [TestMethod]
    public async Task ConfiguredBaselineIsUsedFromAnySubfolder()
    {
        using var folder = new TempFolder();
        folder.Write("src/deep/a.py", $"T = \"{Known}\"\n");
        folder.Write(".config/hf-scan.json", "{ \"baseline\": \".config/baseline.json\" }");
        var write = await CliRun.RunAsync("baseline", folder.Path, "-o", Path.Combine(folder.Path, ".config", "baseline.json"));
        Assert.AreEqual(0, write.ExitCode, write.All);

        var fromSubfolder = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "src", "deep"));
        Assert.AreEqual(0, fromSubfolder.ExitCode, fromSubfolder.All);
        StringAssert.Contains(fromSubfolder.Out, "1 in the baseline");
    }

    [TestMethod]
    [DataRow("not json at all")]
    [DataRow("{\"findings\": [{\"fingerprint\": \"abc\", \"path\": \"a.py\"}]}")]
    [DataRow("{\"version\": 1}")]
    [DataRow("[]")]
    public async Task MalformedBaselineIsReportedWithItsPathAndTheScanRuns(string content)
    {
        using var folder = new TempFolder();
        folder.Write("src/a.py", $"T = \"{Known}\"\n");
        folder.Write("src/clean.py", "x = 1\n");
        string baseline = folder.Write("broken-baseline.json", content);

        var withFinding = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "src"), "--baseline", baseline);
        Assert.AreEqual(1, withFinding.ExitCode, withFinding.All);
        StringAssert.Contains(withFinding.Out, "a.py:1:6: hf-user-token");
        StringAssert.Contains(withFinding.All, baseline);

        var clean = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "src", "clean.py"), "--baseline", baseline);
        Assert.AreEqual(2, clean.ExitCode, clean.All);
        StringAssert.Contains(clean.All, "broken-baseline.json");
        StringAssert.Contains(clean.Out, "1 item");
    }

    [TestMethod]
    [DataRow("{ \"exclude\": [\"a.py\"], ")]
    [DataRow("{ \"exlude\": [\"a.py\"] }")]
    [DataRow("{ \"exclude\": \"a.py\" }")]
    [DataRow("[\"a.py\"]")]
    public async Task MalformedConfigIsReportedWithItsPathAndTheScanRuns(string content)
    {
        using var folder = new TempFolder();
        folder.Write("a.py", $"T = \"{Known}\"\n");
        folder.Write(".config/hf-scan.json", content);

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "json");
        Assert.AreEqual(1, result.ExitCode, result.All);
        using var report = JsonDocument.Parse(result.Out);
        Assert.AreEqual("a.py", report.RootElement.GetProperty("findings")[0].GetProperty("path").GetString(), "the broken excludes are not applied");
        var problem = report.RootElement.GetProperty("problems").EnumerateArray().Single();
        StringAssert.EndsWith(problem.GetProperty("path").GetString(), Path.Combine(".config", "hf-scan.json"));

        File.Delete(Path.Combine(folder.Path, "a.py"));
        var clean = await CliRun.RunAsync("scan", folder.Path);
        Assert.AreEqual(2, clean.ExitCode, clean.All);
        StringAssert.Contains(clean.Out, "hf-scan.json");
    }

    [TestMethod]
    public async Task ConfigIsFoundFromASubfolderAndPathsAreRelativeToTheProjectRoot()
    {
        using var folder = new TempFolder();
        folder.Write(".config/hf-scan.json", "// comments allowed\n{ \"exclude\": [\"fixtures/\", \"*.snap\"], }");
        folder.Write("pkg/src/a.py", $"T = \"{Known}\"\n");
        folder.Write("pkg/src/fixtures/b.py", $"T = \"{Fresh}\"\n");
        folder.Write("pkg/src/c.snap", $"T = \"{Fresh}\"\n");

        var result = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "pkg", "src"));
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.StartsWith(result.Out, "pkg/src/a.py:1:6: hf-user-token: ");
        StringAssert.Contains(result.Out, "1 token found in 1 item");
    }

    [TestMethod]
    public async Task IncludeAndExcludeGlobsChooseFiles()
    {
        using var folder = new TempFolder();
        foreach (string name in new[] { "src/a.py", "src/b.cs", "src/gen/c.py", "test/d.py", "e.txt" })
        {
            folder.Write(name, $"T = \"{Known}\"\n");
        }

        async Task<string[]> PathsAsync(params string[] options)
        {
            var result = await CliRun.RunAsync(["scan", folder.Path, "--format", "json", .. options]);
            using var report = JsonDocument.Parse(result.Out);
            return [.. report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)];
        }

        CollectionAssert.AreEqual(new[] { "src/a.py", "src/gen/c.py", "test/d.py" }, await PathsAsync("--include", "*.py"));
        CollectionAssert.AreEqual(new[] { "src/a.py", "src/gen/c.py" }, await PathsAsync("--include", "src/**/*.py"));
        CollectionAssert.AreEqual(new[] { "e.txt", "src/b.cs", "test/d.py" }, await PathsAsync("--exclude", "src/gen/", "--exclude", "src/*.py"));
        CollectionAssert.AreEqual(new[] { "src/a.py", "test/d.py" }, await PathsAsync("--include", "*.py", "--exclude", "gen/"));
    }
}
