using LibGit2Sharp;

namespace HfSecretScan.Tool.Cli;

/// <summary>Runs a git command's work, turning "no repository" and bad revisions into a clear error and exit code 2.</summary>
internal static class GitCommand
{
    public static int Run(CliConsole console, Func<int> work) =>
        RunAsync(console, () => Task.FromResult(work())).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RepositoryNotFoundException or ArgumentException or InvalidOperationException or FormatException or LibGit2SharpException)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Incomplete;
        }
    }
}
