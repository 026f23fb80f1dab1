using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.Ignore;

/// <summary>Where a repository's ignore rules live besides its <c>.gitignore</c> files.</summary>
internal static class ExcludeFiles
{
    /// <summary>
    /// <c>info/exclude</c> in the common git folder: a linked worktree, or a working tree whose
    /// <c>.git</c> is a file pointing elsewhere, shares the one of its main repository, as in git.
    /// </summary>
    public static string InfoExclude(Repository repository) =>
        Path.Combine(ObjectDirectories.CommonDirectory(repository.Info.Path), "info", "exclude");

    /// <summary>
    /// core.excludesFile as git resolves it: <c>~/</c> is the home folder, a relative path is taken
    /// from the top of the working tree (where git runs its commands), and when unset
    /// <c>$XDG_CONFIG_HOME/git/ignore</c>, else <c>~/.config/git/ignore</c>. Null when there is no home to find it in.
    /// </summary>
    public static string? ExcludesFile(Repository repository)
    {
        string? home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h
            ? h
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } profile ? profile : null;
        if (GitConfiguration.Get<string>(repository, "core.excludesFile")?.Value is { Length: > 0 } configured)
        {
            if (configured == "~" || configured.StartsWith("~/", StringComparison.Ordinal))
            {
                return home is null ? null : home + configured[1..];
            }

            return Path.GetFullPath(configured, repository.Info.WorkingDirectory);
        }

        if (Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "git", "ignore");
        }

        return home is null ? null : Path.Combine(home, ".config", "git", "ignore");
    }
}
