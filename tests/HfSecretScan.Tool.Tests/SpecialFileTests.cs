using System.Diagnostics;
using System.Text.Json;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

[TestClass]
public sealed class SpecialFileTests
{
    private static readonly string Token = TestTokens.User(41);

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.AreEqual(0, mkfifo.ExitCode, "mkfifo");
    }

    [TestMethod]
    public async Task SkipsAFifoWithoutHanging()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("FIFOs are a Unix thing.");
        }

        using var folder = new TempFolder();
        folder.Write("a.txt", $"{Token}\n");
        string fifo = Path.Combine(folder.Path, "pipe");
        MakeFifo(fifo);

        // Walked in a folder and named explicitly: neither opens it (opening would block for a writer).
        var run = CliRun.RunAsync("scan", folder.Path, fifo, "--format", "json");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.AreEqual(1, result.ExitCode, result.All);
        using var report = JsonDocument.Parse(result.Out);
        Assert.AreEqual(1, report.RootElement.GetProperty("findings").GetArrayLength());
        Assert.AreEqual(0, report.RootElement.GetProperty("problems").GetArrayLength());
        var skipped = report.RootElement.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("path").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "pipe" }, skipped);
    }

    [TestMethod]
    public async Task ReportsAFileThatFailsToReadAndScansTheRest()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("Uses /proc/self/mem, which fails to read at offset 0 on Linux.");
        }

        // A regular file whose read fails with an I/O error, even for root.
        using var folder = new TempFolder();
        folder.Write("a.txt", $"{Token}\n");
        folder.Write("clean.txt", "clean\n");
        var withFinding = await CliRun.RunAsync("scan", folder.Path, "/proc/self/mem");
        Assert.AreEqual(1, withFinding.ExitCode, withFinding.All);
        StringAssert.Contains(withFinding.Out, "a.txt:1:1: hf-user-token");
        StringAssert.Contains(withFinding.Out, "error: /proc/self/mem: ");

        var clean = await CliRun.RunAsync("scan", Path.Combine(folder.Path, "clean.txt"), "/proc/self/mem");
        Assert.AreEqual(2, clean.ExitCode, clean.All);
        StringAssert.Contains(clean.Out, "could not be read: the scan is incomplete");
    }

    [TestMethod]
    public async Task ReportsAnUnreadableFileWithItsPathAndScansTheRest()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("Uses Unix permissions.");
            return;
        }

        using var folder = new TempFolder();
        folder.Write("a.txt", $"{Token}\n");
        string secret = folder.Write("locked.txt", $"{Token}\n");
        File.SetUnixFileMode(secret, UnixFileMode.None);

        // Root reads through mode 000 (CAP_DAC_OVERRIDE): run the real tool without that capability.
        bool root = Environment.UserName == "root" || (File.Exists("/proc/self/status") && File.ReadAllText("/proc/self/status").Contains("\nUid:\t0\t", StringComparison.Ordinal));
        string[]? launcher = null;
        if (root)
        {
            if (!File.Exists("/usr/bin/setpriv"))
            {
                Assert.Inconclusive("Running as root, where mode 000 does not stop reads, and setpriv is not there to drop CAP_DAC_OVERRIDE.");
            }

            launcher = ["/usr/bin/setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search", "--"];
        }

        var result = await ToolProcess.RunAsync(folder.Path, null, ["scan", folder.Path, "--format", "json"], launcher);
        Assert.AreEqual(1, result.ExitCode, result.All);
        using var report = JsonDocument.Parse(result.Out);
        CollectionAssert.AreEqual(new[] { "a.txt" }, report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToArray());
        var problem = report.RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.AreEqual("locked.txt", problem.GetProperty("path").GetString());
        StringAssert.Contains(problem.GetProperty("message").GetString(), "Permission denied");
        Assert.IsFalse(report.RootElement.GetProperty("summary").GetProperty("complete").GetBoolean());

        File.Delete(Path.Combine(folder.Path, "a.txt"));
        var incomplete = await ToolProcess.RunAsync(folder.Path, null, ["scan", folder.Path], launcher);
        Assert.AreEqual(2, incomplete.ExitCode, incomplete.All);
        StringAssert.Contains(incomplete.Out, "error: locked.txt: Permission denied.");
    }
}
