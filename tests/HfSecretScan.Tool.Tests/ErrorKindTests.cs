using HfSecretScan.Tests;
using HfSecretScan.Tool.Cli;

namespace HfSecretScan.Tool.Tests;

/// <summary>Bad input is one line and exit code 2; a bug says it is one, with the stack trace only under --debug.</summary>
[TestClass]
public sealed class ErrorKindTests
{
    [TestMethod]
    [DataRow("history")]
    [DataRow("staged")]
    public async Task NoRepositoryIsOneLineOfBadInput(string command)
    {
        using var folder = new TempFolder();

        var (code, _, error) = await RunAsync(new StringWriter(), command, folder.Path);

        Assert.AreEqual(2, code);
        StringAssert.StartsWith(error, "error: No git repository at or above");
        Assert.AreEqual(1, error.TrimEnd().Split('\n').Length, error);
    }

    [TestMethod]
    public async Task AReportThatCannotBeWrittenIsOneLineAndAReportFileIsReplacedWhole()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "clean\n");

        var (full, _, error) = await RunAsync(new StringWriter(), "scan", folder.Path, "-o", "/dev/full");

        Assert.AreEqual(2, full);
        StringAssert.StartsWith(error.Split('\n').Last(l => l.Length > 0), "error: could not write /dev/full: No space left on device");
        Assert.DoesNotContain("   at ", error);

        string report = Path.Combine(folder.Path, "report.json");
        File.WriteAllText(report, "previous");
        var (code, _, _) = await RunAsync(new StringWriter(), "scan", Path.Combine(folder.Path, "a.txt"), "-f", "json", "-o", report);
        Assert.AreEqual(0, code);
        StringAssert.StartsWith(File.ReadAllText(report), "{");
        CollectionAssert.AreEqual(new[] { "a.txt", "report.json" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(), "no temporary file is left behind");
    }

    [TestMethod]
    public async Task AnUnexpectedExceptionIsAnInternalErrorWithoutAStackTrace()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "clean\n");

        var (code, _, error) = await RunAsync(new BrokenWriter(), "scan", folder.Path);

        Assert.AreEqual(2, code);
        StringAssert.StartsWith(error, "internal error: System.InvalidOperationException: writer broke on purpose");
        StringAssert.Contains(error, "--debug");
        Assert.DoesNotContain("   at ", error);
    }

    [TestMethod]
    public async Task DebugShowsTheStackTraceOfAnInternalError()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "clean\n");

        var (code, _, error) = await RunAsync(new BrokenWriter(), "scan", folder.Path, "--debug");

        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "   at ");
        StringAssert.Contains(error, nameof(BrokenWriter));
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(TextWriter output, params string[] args)
    {
        using var error = new StringWriter();
        var console = new CliConsole(() => new MemoryStream(), output, error, false, false);
        int code = await HfScanCli.RunAsync(args, console);
        return (code, output.ToString() ?? string.Empty, error.ToString());
    }

    /// <summary>Stands in for a bug: any write fails with an exception no layer expects.</summary>
    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("writer broke on purpose");

        public override void Write(string? value) => throw new InvalidOperationException("writer broke on purpose");

        public override void WriteLine(string? value) => throw new InvalidOperationException("writer broke on purpose");
    }
}
