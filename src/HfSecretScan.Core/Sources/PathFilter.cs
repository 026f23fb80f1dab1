using Microsoft.Extensions.FileSystemGlobbing;

namespace HfSecretScan.Sources;

/// <summary>
/// Include and exclude globs over paths relative to the project root. As in <c>.gitignore</c>, a
/// pattern without a slash matches at any depth and a pattern ending in a slash matches everything
/// under that folder.
/// </summary>
public sealed class PathFilter
{
    private readonly Matcher? _matcher;

    /// <summary>Builds a filter; with no include pattern every path is included.</summary>
    public PathFilter(IEnumerable<string> includes, IEnumerable<string> excludes)
    {
        var includeList = includes.Select(Normalize).ToList();
        var excludeList = excludes.Select(Normalize).ToList();
        if (includeList.Count == 0 && excludeList.Count == 0)
        {
            return;
        }

        _matcher = new Matcher(StringComparison.Ordinal);
        _matcher.AddIncludePatterns(includeList.Count == 0 ? ["**/*"] : includeList);
        _matcher.AddExcludePatterns(excludeList);
    }

    /// <summary>A filter that includes everything.</summary>
    public static PathFilter All { get; } = new([], []);

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes) is to be scanned.</summary>
    public bool IsIncluded(string relativePath) => _matcher is null || _matcher.Match(relativePath).HasMatches;

    private static string Normalize(string pattern)
    {
        string p = pattern.Replace('\\', '/').Trim();
        if (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        // As in .gitignore, a trailing slash does not anchor: "build/" matches build folders at any depth.
        bool anchored = p.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        if (p.EndsWith('/'))
        {
            p += "**";
        }

        if (p.StartsWith('/'))
        {
            return p[1..];
        }

        return anchored ? p : "**/" + p;
    }
}
