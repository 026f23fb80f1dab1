using System.Text;
using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories;

/// <summary>Finds the repository a command names by a path, the same way for every command.</summary>
internal static class RepositoryDiscovery
{
    // A .git file holds one "gitdir: PATH" line; more is not a .git file.
    private const int MaxGitFileBytes = 4096;

    /// <summary>The git folder of the repository at or above <paramref name="path"/>, as git finds it.</summary>
    /// <exception cref="InputException">No repository there, or a <c>.git</c> file there names none.</exception>
    public static string GitDirectoryOf(string path) =>
        Repository.Discover(path) ?? throw new InputException(WhyNotFound(path));

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
    /// Why discovery stopped: like git, it stops at the first <c>.git</c> file, so when that file names
    /// a missing folder, a folder that is no repository or itself, say so rather than "no repository".
    /// </summary>
    private static string WhyNotFound(string path)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(path)); folder is not null; folder = folder.Parent)
        {
            string dotGit = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                break;
            }

            if (File.Exists(dotGit))
            {
                return $"'{dotGit}' is a .git file naming {GitFileTarget(dotGit)}, which is not a git repository (missing, not a git folder, or a .git file again); nothing was read.";
            }
        }

        return $"No git repository at or above '{path}'.";
    }

    private static string GitFileTarget(string dotGit)
    {
        try
        {
            using var stream = File.OpenRead(dotGit);
            var buffer = new byte[MaxGitFileBytes];
            int length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            string line = Encoding.UTF8.GetString(buffer, 0, length).Split('\n')[0].Trim();
            return line.StartsWith("gitdir:", StringComparison.Ordinal) && length < MaxGitFileBytes
                ? $"'{line["gitdir:".Length..].Trim()}'"
                : "no folder (it does not start with 'gitdir: ' or is too long)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"a folder that cannot be read ({e.Message})";
        }
    }
}
