namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// The object folders of a repository: its own <c>objects</c> folder and every alternate it
/// borrows from (<c>objects/info/alternates</c>, followed recursively as git does).
/// </summary>
public static class ObjectDirectories
{
    /// <summary>Every object folder of the repository whose git folder is <paramref name="gitDirectory"/>.</summary>
    public static IReadOnlyList<string> Of(string gitDirectory) => Of(gitDirectory, []);

    /// <summary>
    /// <paramref name="first"/> (and their alternates), then every object folder of the repository:
    /// how git reads while a push is quarantined, its new objects in a folder of their own.
    /// </summary>
    public static IReadOnlyList<string> Of(string gitDirectory, IEnumerable<string> first)
    {
        var result = new List<string>();
        var pending = new Queue<string>();
        foreach (string folder in first)
        {
            pending.Enqueue(Path.GetFullPath(folder));
        }

        pending.Enqueue(Path.GetFullPath(Path.Combine(CommonDirectory(gitDirectory), "objects")));
        while (pending.Count > 0)
        {
            string folder = pending.Dequeue();
            if (result.Contains(folder, StringComparer.Ordinal) || !Directory.Exists(folder))
            {
                continue;
            }

            result.Add(folder);
            string alternates = Path.Combine(folder, "info", "alternates");
            if (!File.Exists(alternates))
            {
                continue;
            }

            foreach (string line in File.ReadAllLines(alternates))
            {
                if (line.Length > 0 && line[0] != '#')
                {
                    pending.Enqueue(Path.GetFullPath(Path.Combine(folder, line.Trim())));
                }
            }
        }

        return result;
    }

    /// <summary>The folder shared by all worktrees (a linked worktree's git folder names it in <c>commondir</c>).</summary>
    public static string CommonDirectory(string gitDirectory)
    {
        string commonFile = Path.Combine(gitDirectory, "commondir");
        return File.Exists(commonFile)
            ? Path.GetFullPath(Path.Combine(gitDirectory, File.ReadAllText(commonFile).Trim()))
            : Path.GetFullPath(gitDirectory);
    }
}
