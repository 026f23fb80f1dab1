using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories;

/// <summary>Finds the repository a command names by a path, the same way for every command.</summary>
internal static class RepositoryDiscovery
{
    /// <summary>
    /// The git folder of the repository at or above <paramref name="path"/>, found as libgit2's
    /// discovery finds it (a folder that is a git folder itself, else its <c>.git</c> folder or the
    /// folder a <c>.git</c> file names, else the same one level up), with a trailing separator as
    /// libgit2 gives it. Managed, not <c>Repository.Discover</c>: under Native AOT libgit2's answer
    /// never reaches managed code (LibGit2Sharp's <c>git_buf</c> is marshalled in only), so every
    /// command would find no repository.
    /// </summary>
    /// <exception cref="InputException">No repository there.</exception>
    public static string GitDirectoryOf(string path) =>
        TryFind(path)?.GitDirectory ?? throw new InputException($"No git repository at or above '{path}'.");

    /// <summary>
    /// The repository at or above <paramref name="path"/>: its git folder, and whether it is bare (it
    /// was found as a git folder itself, not through a working tree's <c>.git</c>, and is not the
    /// <c>.git</c> folder of a working tree); null when there is none.
    /// </summary>
    public static (string GitDirectory, bool IsBare)? TryFind(string path)
    {
        string? folder = Path.GetFullPath(path);
        if (File.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder);
        }

        for (; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (IsGitDirectory(folder))
            {
                return (WithSeparator(folder), !string.Equals(Path.GetFileName(folder), ".git", StringComparison.Ordinal));
            }

            string dotGit = Path.Combine(folder, ".git");
            if (Directory.Exists(dotGit) && IsGitDirectory(dotGit))
            {
                return (WithSeparator(dotGit), false);
            }

            if (File.Exists(dotGit) && GitFileTarget(dotGit) is { } target && IsGitDirectory(target))
            {
                return (WithSeparator(target), false);
            }
        }

        return null;
    }

    /// <summary>Opens the repository at or above <paramref name="path"/>.</summary>
    /// <exception cref="InputException">No repository there.</exception>
    public static Repository Open(string path) => new(GitDirectoryOf(path));

    /// <summary>
    /// Opens the repository whose working tree or git folder is exactly <paramref name="directory"/>, or
    /// returns null: a walk asks about each folder it enters, so a parent's repository must not answer.
    /// </summary>
    public static Repository? TryOpenAt(string directory) => Repository.IsValid(directory) ? new Repository(directory) : null;

    /// <summary>What libgit2 requires of a git folder: <c>HEAD</c>, and <c>objects</c> and <c>refs</c> in its common folder.</summary>
    private static bool IsGitDirectory(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "HEAD")))
        {
            return false;
        }

        string common;
        try
        {
            common = ObjectDirectories.CommonDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }

        return Directory.Exists(Path.Combine(common, "objects")) && Directory.Exists(Path.Combine(common, "refs"));
    }

    /// <summary>The folder a <c>.git</c> file's <c>gitdir:</c> line names (relative to the file's folder), or null.</summary>
    private static string? GitFileTarget(string gitFile)
    {
        string text;
        try
        {
            text = File.ReadAllText(gitFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        const string Prefix = "gitdir:";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string target = text[Prefix.Length..].Trim();
        return target.Length == 0 ? null : Path.GetFullPath(target, Path.GetDirectoryName(gitFile)!);
    }

    private static string WithSeparator(string folder) =>
        Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
}
