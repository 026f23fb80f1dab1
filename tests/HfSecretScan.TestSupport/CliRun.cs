using System.Text;
using System.Text.RegularExpressions;
using HfSecretScan.Tool.Cli;

namespace HfSecretScan.Tests;

/// <summary>What one run of the CLI printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}

/// <summary>Runs the CLI in-process with captured streams.</summary>
public static partial class CliRun
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(input: null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (UTF-8).</summary>
    public static Task<CliResult> RunWithInputAsync(string stdin, params string[] args) => RunAsync(Encoding.UTF8.GetBytes(stdin), args);

    public static async Task<CliResult> RunAsync(byte[]? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // Not the CI runner's step summary, when the tests themselves run in GitHub Actions.
        var console = new CliConsole(() => new MemoryStream(input ?? []), output, error, false, false, name => name == "GITHUB_STEP_SUMMARY" ? null : Environment.GetEnvironmentVariable(name));
        int code = await HfScanCli.RunAsync(args, console);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Fails when <paramref name="text"/> holds any token-shaped string whole.</summary>
    public static void AssertNoWholeToken(string text, string what)
    {
        var match = TokenShape().Match(text);
        Assert.IsFalse(match.Success, $"{what} contains a whole token starting {(match.Success ? match.Value[..6] : "")}");
    }

    [GeneratedRegex("(hf_|api_org_)[A-Za-z0-9]{34}")]
    private static partial Regex TokenShape();
}
