using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>Finds the repository of a submodule: its checkout, or its folder under <c>.git/modules</c>.</summary>
internal static class SubmoduleRepository
{
    /// <summary>
    /// Whether a gitlink's path stays inside its repository: git (fsck, checkout) refuses a tree entry
    /// named empty, <c>.</c>, <c>..</c> or <c>.git</c>, so a hostile tree is the only source of one.
    /// </summary>
    public static bool IsSafePath(string path) =>
        !Path.IsPathRooted(path) && path.Split('/', '\\').All(part => part.Length > 0 && part is not "." and not ".." && !part.Equals(".git", StringComparison.OrdinalIgnoreCase));

    /// <summary>The repository holding submodule <paramref name="path"/>'s history, or null when it is not cloned; <paramref name="path"/> must be <see cref="IsSafePath">safe</see>.</summary>
    public static string? Find(string gitDirectory, string? workingDirectory, string path)
    {
        if (workingDirectory is not null)
        {
            string checkout = Path.Combine(workingDirectory, path);
            if (Directory.Exists(Path.Combine(checkout, ".git")) || File.Exists(Path.Combine(checkout, ".git")))
            {
                return checkout;
            }
        }

        string modules = Path.Combine(ObjectDirectories.CommonDirectory(gitDirectory), "modules", path);
        return Directory.Exists(modules) ? modules : null;
    }
}
