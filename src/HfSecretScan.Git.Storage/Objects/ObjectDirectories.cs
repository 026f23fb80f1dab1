using HfSecretScan.Findings;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// The object folders of a repository: its own <c>objects</c> folder and every alternate it
/// borrows from (<c>objects/info/alternates</c>, followed recursively as git does).
/// </summary>
public static class ObjectDirectories
{
    // git's own limits: alternates of alternates five deep, and a line is a path, not a file's worth.
    private const int MaxAlternateDepth = 5;
    private const int MaxAlternatesBytes = 1 << 20;

    /// <summary>
    /// <paramref name="first"/> (and their alternates), then every object folder of the repository:
    /// how git reads while a push is quarantined, its new objects in a folder of their own. An
    /// alternate that is missing, nested too deep or listed in an oversized file is a problem in
    /// <paramref name="problems"/>; one met again (a loop) is read once.
    /// </summary>
    public static IReadOnlyList<string> Of(string gitDirectory, IEnumerable<string> first, ICollection<ScanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var result = new List<string>();
        var pending = new Queue<(string Folder, int Depth, string? ListedIn)>();
        foreach (string folder in first)
        {
            pending.Enqueue((Path.GetFullPath(folder), 0, null));
        }

        pending.Enqueue((Path.GetFullPath(Path.Combine(CommonDirectory(gitDirectory), "objects")), 0, null));
        while (pending.Count > 0)
        {
            var (folder, depth, listedIn) = pending.Dequeue();
            if (result.Contains(folder, StringComparer.Ordinal))
            {
                continue;
            }

            if (!Directory.Exists(folder))
            {
                if (listedIn is not null)
                {
                    problems.Add(new ScanProblem(ProblemKind.MissingObject, listedIn, $"Alternate object folder '{folder}' does not exist; objects stored only there were not read."));
                }

                continue;
            }

            result.Add(folder);
            string alternates = Path.Combine(folder, "info", "alternates");
            if (!File.Exists(alternates))
            {
                continue;
            }

            if (depth >= MaxAlternateDepth)
            {
                problems.Add(new ScanProblem(ProblemKind.Limit, alternates, $"Alternates nested deeper than {MaxAlternateDepth} (as git allows); the ones it lists were not read."));
                continue;
            }

            foreach (string alternate in ReadAlternates(folder, alternates, problems))
            {
                pending.Enqueue((alternate, depth + 1, alternates));
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

    /// <summary>The folders <paramref name="file"/> lists, as full paths; a relative one is relative to <paramref name="folder"/>, the object folder that lists it, as in git.</summary>
    private static List<string> ReadAlternates(string folder, string file, ICollection<ScanProblem> problems)
    {
        var lines = new List<string>();
        try
        {
            using var stream = File.OpenRead(file);
            if (stream.Length > MaxAlternatesBytes)
            {
                problems.Add(new ScanProblem(ProblemKind.Limit, file, $"Alternates file larger than {MaxAlternatesBytes} bytes, not read; objects stored only in its folders were not read."));
                return lines;
            }

            using var text = new StreamReader(stream);
            while (text.ReadLine() is { } line)
            {
                line = line.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line.Contains('\0', StringComparison.Ordinal))
                {
                    problems.Add(new ScanProblem(ProblemKind.CorruptObject, file, "Alternates file names a path with a NUL byte, not read."));
                    continue;
                }

                lines.Add(Path.GetFullPath(Path.Combine(folder, line)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ScanProblem(ProblemKind.Unreadable, file, $"Cannot read the alternates file: {e.Message}"));
        }

        return lines;
    }
}
