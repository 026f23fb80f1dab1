using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

/// <summary>
/// A file the tool writes that cannot be written (a full device, a read-only folder): one line
/// naming the file and the reason, exit code 2, and the previous file left whole.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FailedWriteTests
{
    private const string Full = "/dev/full";
    private static readonly string User = TestTokens.User(85);

    private static void AssertOneLineNaming(string target, string reason, CliResult result)
    {
        Assert.AreEqual(2, result.ExitCode, result.All);
        string[] lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.HasCount(1, lines, result.Error);
        StringAssert.StartsWith(lines[0], $"error: could not write {target}: {reason}", result.Error);
        Assert.DoesNotContain(".tmp", result.Error, "the target, not the temporary file");
        Assert.DoesNotContain("   at ", result.All, "no stack trace");
    }

    [TestMethod]
    public async Task Scan_output_to_a_full_device_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder().With("a.env", $"T={User}\n");

        var result = await CliRun.RunAsync("scan", folder.Path, "--output", Full);

        AssertOneLineNaming(Full, "No space left on device", result);
    }

    [TestMethod]
    public async Task Baseline_to_a_full_device_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder().With("a.env", $"T={User}\n");

        var result = await CliRun.RunAsync("baseline", folder.Path, "-o", Full);

        AssertOneLineNaming(Full, "No space left on device", result);
    }

    [TestMethod]
    public async Task Purge_plan_to_a_full_device_is_one_line_and_exit_2()
    {
        using var repo = TestRepository.Create();
        repo.Commit("a.env", $"T={User}\n");

        var result = await CliRun.RunAsync("history", repo.Path, "--purge-plan", Full);

        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.Error, $"error: could not write {Full}: No space left on device", result.All);
        Assert.DoesNotContain("   at ", result.All, "no stack trace");
    }

    [TestMethod]
    public void A_read_only_folder_keeps_the_previous_baseline_and_report_whole()
    {
        using var folder = new TempFolder().With("a.env", $"T={User}\n");
        string locked = Path.Combine(folder.Path, "locked");
        Directory.CreateDirectory(locked);
        string baseline = Path.Combine(locked, "baseline.json");
        string report = Path.Combine(locked, "report.txt");
        File.WriteAllText(baseline, "previous baseline");
        File.WriteAllText(report, "previous report");
        File.SetUnixFileMode(folder.Path, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(locked, (UnixFileMode)Convert.ToInt32("555", 8));
        try
        {
            foreach (var (args, target) in new[] { (new[] { "baseline", "a.env", "-o", baseline }, baseline), (new[] { "scan", "a.env", "-o", report }, report) })
            {
                var result = RunWithoutPrivileges(folder.Path, args);

                Assert.AreEqual(2, result.ExitCode, result.ToString());
                Assert.AreEqual($"error: could not write {target}: permission denied; nothing was written there (any previous file is as it was).\n", result.Error);
            }

            Assert.AreEqual("previous baseline", File.ReadAllText(baseline));
            Assert.AreEqual("previous report", File.ReadAllText(report));
            Assert.HasCount(2, Directory.GetFiles(locked), "no temporary file left behind");
        }
        finally
        {
            File.SetUnixFileMode(locked, (UnixFileMode)Convert.ToInt32("755", 8));
        }
    }

    /// <summary>Root writes into a read-only folder all the same, so as root the tool runs as <c>nobody</c>.</summary>
    private static ProcessResult RunWithoutPrivileges(string folder, string[] args)
    {
        string[] tool = ["exec", ToolProcess.DllPath, .. args];
        return Environment.UserName == "root"
            ? ProcessRun.Run(folder, "setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", DotNetHost(), .. tool])
            : ProcessRun.Run(folder, "dotnet", tool);
    }

    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(p => Path.Combine(p, "dotnet")).First(File.Exists);
}
