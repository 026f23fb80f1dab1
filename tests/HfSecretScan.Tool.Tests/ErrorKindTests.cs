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
