namespace HfSecretScan.Suppression;

/// <summary>
/// The folder that paths, globs and baselines are relative to: the nearest folder at or above the
/// scan's start that holds <c>.config/hf-scan.json</c> or <c>.git</c>; the start itself otherwise.
/// </summary>
public static class ProjectRoot
{
    /// <summary>Finds the project root for a scan starting at <paramref name="start"/> (a file or folder).</summary>
    public static string Find(string start)
    {
        string full = Path.GetFullPath(start);
        var dir = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory;
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, ScanConfig.RelativePath)) || Path.Exists(Path.Combine(d.FullName, ".git")))
            {
                return d.FullName;
            }
        }

        return dir?.FullName ?? full;
    }

    /// <summary>
    /// The top of the git working tree holding <paramref name="folder"/>: the nearest folder at or
    /// above it with a <c>.git</c> (a folder, or the file of a linked worktree); null outside one.
    /// </summary>
    public static string? RepositoryTop(string folder)
    {
        for (var d = new DirectoryInfo(Path.GetFullPath(folder)); d is not null; d = d.Parent)
        {
            if (Path.Exists(Path.Combine(d.FullName, ".git")))
            {
                return d.FullName;
            }
        }

        return null;
    }
}
