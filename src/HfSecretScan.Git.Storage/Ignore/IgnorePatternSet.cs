using System.Runtime.CompilerServices;
namespace HfSecretScan.Git.Storage.Ignore;

/// <summary>
/// The patterns of one ignore file, indexed so that a path is not tried against every line: whole
/// names (<c>node_modules</c>), extensions (<c>*.log</c>) and literal paths (<c>/secrets.env</c>)
/// are dictionary lookups, and the remaining patterns are grouped by the byte a match must end
/// with. The answer is still git's: the last matching pattern of the file.
/// </summary>
internal sealed class IgnorePatternSet
{
    private const int AnyLastByte = 256;

    private readonly Dictionary<byte[], IgnorePattern[]>.AlternateLookup<ReadOnlySpan<byte>>? _names;
    private readonly Dictionary<byte[], IgnorePattern[]>.AlternateLookup<ReadOnlySpan<byte>>? _extensions;
    private readonly Dictionary<byte[], IgnorePattern[]>.AlternateLookup<ReadOnlySpan<byte>>? _paths;

    // Index 0-255: patterns whose match ends with that (lower-cased) byte; 256: patterns that may end with anything.
    private readonly IgnorePattern[][] _byLastByte;

    /// <summary>Indexes <paramref name="patterns"/> (in file order) of a file whose folder is <paramref name="baseLength"/> bytes into the repository path (with its slash).</summary>
    public IgnorePatternSet(IReadOnlyList<IgnorePattern> patterns, int baseLength)
    {
        BaseLength = baseLength;
        var names = new List<IgnorePattern>();
        var extensions = new List<IgnorePattern>();
        var paths = new List<IgnorePattern>();
        var buckets = new List<IgnorePattern>[AnyLastByte + 1];
        foreach (var pattern in patterns)
        {
            if (pattern.Literal is not null)
            {
                (pattern.BasenameOnly ? names : paths).Add(pattern);
            }
            else if (pattern.Extension is not null)
            {
                extensions.Add(pattern);
            }
            else
            {
                int bucket = pattern.Tail.Length > 0 ? pattern.Tail[^1] : AnyLastByte;
                (buckets[bucket] ??= []).Add(pattern);
            }
        }

        _names = Index(names, p => p.Literal!);
        _extensions = Index(extensions, p => p.Extension!);
        _paths = Index(paths, p => p.Literal!);
        _byLastByte = [.. buckets.Select(b => b is null ? [] : Descending(b))];
    }

    /// <summary>Length of the ignore file's folder in the repository path, trailing slash included (0 at the top).</summary>
    public int BaseLength { get; }

    /// <summary>
    /// The last pattern of the file that matches, or null. <paramref name="path"/> is relative to the
    /// file's folder (lower-cased under core.ignoreCase); its last component starts at <paramref name="nameStart"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IgnorePattern? Match(ReadOnlySpan<byte> path, int nameStart, bool isDirectory)
    {
        var name = path[nameStart..];
        var best = FirstLiteral(_names, name, isDirectory);
        if (_extensions is { } extensions && name.LastIndexOf((byte)'.') is int dot and >= 0)
        {
            best = Later(best, FirstLiteral(extensions, name[dot..], isDirectory));
        }

        best = Later(best, FirstLiteral(_paths, path, isDirectory));
        best = FirstMatching(_byLastByte[path[^1]], best, path, nameStart, isDirectory);
        return FirstMatching(_byLastByte[AnyLastByte], best, path, nameStart, isDirectory);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IgnorePattern? FirstLiteral(Dictionary<byte[], IgnorePattern[]>.AlternateLookup<ReadOnlySpan<byte>>? index, ReadOnlySpan<byte> key, bool isDirectory)
    {
        if (index is { } lookup && lookup.TryGetValue(key, out var candidates))
        {
            foreach (var pattern in candidates)
            {
                if (isDirectory || !pattern.DirectoryOnly)
                {
                    return pattern;
                }
            }
        }

        return null;
    }

    // Candidates are in descending file order: the first match is the last in the file, and
    // nothing earlier than the best match so far can change the answer.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IgnorePattern? FirstMatching(IgnorePattern[] candidates, IgnorePattern? best, ReadOnlySpan<byte> path, int nameStart, bool isDirectory)
    {
        foreach (var pattern in candidates)
        {
            if (best is not null && pattern.Index < best.Index)
            {
                break;
            }

            if (path.EndsWith(pattern.Tail) && pattern.Matches(path, nameStart, isDirectory))
            {
                return pattern;
            }
        }

        return best;
    }

    private static IgnorePattern? Later(IgnorePattern? a, IgnorePattern? b) =>
        a is null ? b : b is null ? a : a.Index > b.Index ? a : b;

    private static IgnorePattern[] Descending(List<IgnorePattern> patterns) => [.. patterns.OrderByDescending(p => p.Index)];

    private static Dictionary<byte[], IgnorePattern[]>.AlternateLookup<ReadOnlySpan<byte>>? Index(List<IgnorePattern> patterns, Func<IgnorePattern, byte[]> key)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        var index = patterns
            .GroupBy(key, ByteStringComparer.Instance)
            .ToDictionary(g => g.Key, g => Descending([.. g]), ByteStringComparer.Instance);
        return index.GetAlternateLookup<ReadOnlySpan<byte>>();
    }
}
