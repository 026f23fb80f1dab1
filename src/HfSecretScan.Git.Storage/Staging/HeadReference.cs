using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Storage.Staging;

/// <summary>
/// The commit <c>HEAD</c> names, read from the files-backend refs as git writes them: <c>HEAD</c>
/// in the (worktree's) git folder, a symbolic ref followed through loose ref files (the worktree's
/// own folder first, then the common one) and <c>packed-refs</c>.
/// </summary>
internal static class HeadReference
{
    private const string SymbolicPrefix = "ref: ";
    private const int MaxDepth = 5;

    /// <summary>HEAD's commit id, or null on an unborn branch (before the first commit).</summary>
    /// <exception cref="InvalidDataException">A ref file is malformed or symbolic refs loop.</exception>
    /// <exception cref="NotSupportedException">The repository keeps its refs in a reftable.</exception>
    /// <exception cref="IOException">A ref file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A ref file may not be read.</exception>
    public static RawId? CommitOf(string gitDirectory)
    {
        string common = ObjectDirectories.CommonDirectory(gitDirectory);
        if (Directory.Exists(Path.Combine(common, "reftable")))
        {
            throw new NotSupportedException("refs kept in a reftable (extensions.refStorage)");
        }

        string name = "HEAD";
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            string? value = ReadLoose(gitDirectory, common, name) ?? ReadPacked(common, name);
            if (value is null)
            {
                return null;
            }

            if (!value.StartsWith(SymbolicPrefix, StringComparison.Ordinal))
            {
                return Parse(value, name);
            }

            name = value[SymbolicPrefix.Length..].Trim();
            if (!name.StartsWith("refs/", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"HEAD points at '{name}', which is not a ref");
            }
        }

        throw new InvalidDataException($"HEAD's symbolic refs nest deeper than {MaxDepth}");
    }

    private static string? ReadLoose(string gitDirectory, string common, string name)
    {
        foreach (string folder in (string[])[gitDirectory, common])
        {
            string file = Path.Combine(folder, name);
            if (File.Exists(file))
            {
                return File.ReadAllText(file).TrimEnd('\n', '\r');
            }
        }

        return null;
    }

    /// <summary>The id <c>packed-refs</c> gives <paramref name="name"/>: lines of <c>ID NAME</c>, after a <c>#</c> header, each maybe followed by a peeled <c>^ID</c>.</summary>
    private static string? ReadPacked(string common, string name)
    {
        string file = Path.Combine(common, "packed-refs");
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (string line in File.ReadLines(file))
        {
            if (line.Length > 41 && line[40] == ' ' && line.AsSpan(41).SequenceEqual(name))
            {
                return line[..40];
            }
        }

        return null;
    }

    private static RawId Parse(string value, string name)
    {
        try
        {
            return RawId.Parse(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{name} holds neither an object id nor a symbolic ref");
        }
    }
}
