using System.CommandLine;

namespace HfSecretScan.Tool.Cli;

/// <summary>The command tree of <c>dotnet hf-scan</c>.</summary>
internal static class HfScanCli
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("hf-scan: keeps Hugging Face tokens out of code and git history.");
        root.Subcommands.Add(ScanCommand.Create(console));
        root.Subcommands.Add(BaselineCommand.Create(console));
        root.Subcommands.Add(RevokeCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'dotnet hf-scan --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }
    }
}
