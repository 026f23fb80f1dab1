using System.CommandLine;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Tool.Cli;

/// <summary>The command tree of <c>dotnet hf-scan</c>, and how a run ends when something goes wrong.</summary>
internal static class HfScanCli
{
    private static readonly Option<bool> Debug = new("--debug")
    {
        Description = "On an internal error, print its stack trace.",
        Recursive = true,
    };

    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("hf-scan: keeps Hugging Face tokens out of code and git history.");
        root.Options.Add(Debug);
        root.Subcommands.Add(ScanCommand.Create(console));
        root.Subcommands.Add(BaselineCommand.Create(console));
        root.Subcommands.Add(HistoryCommand.Create(console));
        root.Subcommands.Add(StagedCommand.Create(console));
        root.Subcommands.Add(HookCommand.Create(console));
        root.Subcommands.Add(RevokeCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        root.Subcommands.Add(InitCommand.Create(console));
        root.Subcommands.Add(HubCommand.Create(console));
        return root;
    }

    /// <summary>
    /// Runs <paramref name="args"/>. Bad input (what the user asked for cannot be done, a file that
    /// cannot be written, a repository libgit2 cannot open) is one line and exit code 2; any other
    /// exception is a bug, said to be one, with its stack trace under <c>--debug</c>.
    /// </summary>
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
            var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("error: cancelled; the scan is incomplete.").ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException or LibGit2SharpException)
        {
            await console.Error.WriteLineAsync("error: " + Secret.RedactAll(e.Message)).ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }
        catch (Exception e)
        {
            await console.Error.WriteLineAsync($"internal error: {e.GetType().FullName}: {Secret.RedactAll(e.Message)}").ConfigureAwait(false);
            await console.Error.WriteLineAsync(parse.GetValue(Debug)
                ? Secret.RedactAll(e.ToString())
                : "This is a bug in hf-scan, not a problem with your input. Run again with --debug for the stack trace, and report it.").ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }
    }
}
