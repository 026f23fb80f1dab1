using LibGit2Sharp;

namespace HfSecretScan.Tool.Cli;

/// <summary>Runs a git command's work, turning "no repository" and bad revisions into a clear error and exit code 2.</summary>
internal static class GitCommand
{
    public static int Run(CliConsole console, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is RepositoryNotFoundException or ArgumentException or InvalidOperationException or FormatException or LibGit2SharpException)
        {
            console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.Incomplete;
        }
    }
}
