using System.Text;
using HfSecretScan.Tool.Cli;

namespace HfSecretScan.Verification.Tests.Cli;

/// <summary>What one in-process run of <c>dotnet hf-scan</c> printed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public static async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), output, error, false, false);
        int code = await HfScanCli.RunAsync(args, console);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>A folder of files for one test, deleted afterwards.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "hfscan-verify-" + Guid.NewGuid().ToString("N"));

    public TempProject With(string relativePath, string content)
    {
        File.WriteAllText(Path.Combine(Root, relativePath), content);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
