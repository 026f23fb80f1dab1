using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>Finds the repository of a submodule: its checkout, or its folder under <c>.git/modules</c>.</summary>
internal static class SubmoduleRepository
{
    /// <summary>The repository holding submodule <paramref name="path"/>'s history, or null when it is not cloned.</summary>
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
