using System.Text;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories;

/// <summary>Finds the repository a command names by a path, the same way for every command.</summary>
internal static class RepositoryDiscovery
{
    // A .git file holds one "gitdir: PATH" line; more is not a .git file.
    private const int MaxGitFileBytes = 4096;

    /// <summary>The git folder of the repository at or above <paramref name="path"/>, as git finds it (see <see cref="Find"/>).</summary>
    /// <exception cref="InputException">No repository there, or a <c>.git</c> file there names none.</exception>
    public static string GitDirectoryOf(string path) => Find(path).GitDirectory;

    /// <summary>The repository at or above <paramref name="path"/> (see <see cref="TryFind"/>).</summary>
    /// <exception cref="InputException">No repository there, or a <c>.git</c> file there names none.</exception>
    public static (string GitDirectory, bool IsBare) Find(string path) =>
        TryFind(path) ?? throw new InputException(WhyNotFound(path));

    /// <summary>
    /// The repository at or above <paramref name="path"/>: its git folder (with a trailing separator,
    /// as libgit2 gives it) and whether it is bare (found as a git folder itself, not through a
    /// working tree's <c>.git</c>); null when there is none. Found as git finds it: a folder that is a
    /// git folder itself, else its <c>.git</c> folder, else the folder its <c>.git</c> file names, else
    /// the same one level up; a <c>.git</c> file ends the search, whatever it names. Managed, not
    /// <c>Repository.Discover</c>: under Native AOT libgit2's answer never reaches managed code
    /// (LibGit2Sharp's <c>git_buf</c> is marshalled in only), so every command would find no repository.
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

            if (File.Exists(dotGit))
            {
                return ReadGitFile(dotGit).Target is { } target && IsGitDirectory(target) ? (WithSeparator(target), false) : null;
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
    /// A <c>.git</c> libgit2 refuses (a malformed <c>.git</c> file) is no repository either: the folder's
    /// files are then all scanned, none ignored, which can only find more.
    /// </summary>
    public static Repository? TryOpenAt(string directory)
    {
        try
        {
            return Repository.IsValid(directory) ? new Repository(directory) : null;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why discovery stopped: it stops at the first <c>.git</c> file, so when that file names a
    /// missing folder, a folder that is no repository or itself, say so rather than "no repository".
    /// </summary>
    private static string WhyNotFound(string path)
    {
        for (string? folder = Path.GetFullPath(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            string dotGit = Path.Combine(folder, ".git");
            if (File.Exists(dotGit))
            {
                var (target, problem) = ReadGitFile(dotGit);
                string named = target is null ? problem! : $"'{target}'";
                return $"'{dotGit}' is a .git file naming {named}, which is not a git repository (missing, not a git folder, or a .git file again); nothing was read.";
            }
        }

        return $"No git repository at or above '{path}'.";
    }

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

    /// <summary>The folder a <c>.git</c> file's <c>gitdir:</c> line names (relative to the file's folder), or why it names none.</summary>
    private static (string? Target, string? Problem) ReadGitFile(string gitFile)
    {
        byte[] buffer = new byte[MaxGitFileBytes];
        int length;
        try
        {
            using var stream = File.OpenRead(gitFile);
            length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"a folder that cannot be read ({e.Message})");
        }

        const string Prefix = "gitdir:";
        string line = Encoding.UTF8.GetString(buffer, 0, length).Split('\n')[0].Trim();
        string target = line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..].Trim() : "";
        if (length == MaxGitFileBytes || target.Length == 0)
        {
            return (null, "no folder (it does not start with 'gitdir: ' or is too long)");
        }

        try
        {
            return (Path.GetFullPath(target, Path.GetDirectoryName(gitFile)!), null);
        }
        catch (ArgumentException)
        {
            return (null, "no folder (its 'gitdir: ' line is not a path)");
        }
    }

    private static string WithSeparator(string folder) =>
        Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
}
