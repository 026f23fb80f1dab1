using System.Runtime.CompilerServices;
namespace HfSecretScan.Git.Storage.Ignore;

/// <summary>
/// The ignore rules in force inside one folder of a working tree: its own <c>.gitignore</c> and
/// those of the folders above it (deepest first), then <c>info/exclude</c> and the excludes file.
/// </summary>
internal sealed class IgnoreDirectory
{
    /// <summary>A folder whose rules are <paramref name="sets"/>.</summary>
    public IgnoreDirectory(byte[] prefix, IgnorePatternSet[] sets, IgnorePattern? excludedBy)
    {
        Prefix = prefix;
        Sets = sets;
        ExcludedBy = excludedBy;
    }

    /// <summary>The folder's path in the repository with a trailing slash (empty at the top), lower-cased under core.ignoreCase.</summary>
    public byte[] Prefix { get; }

    /// <summary>Pattern files in git's precedence order: the first one with a matching pattern decides.</summary>
    public IgnorePatternSet[] Sets { get; }

    /// <summary>
    /// The pattern that excludes this folder or one above it, or null. Everything inside such a
    /// folder is ignored: git never re-includes a path whose parent folder is excluded.
    /// </summary>
    public IgnorePattern? ExcludedBy { get; }

    /// <summary>
    /// The deciding pattern for <paramref name="path"/> (which starts with <see cref="Prefix"/>) by
    /// the folder's own rules, or null when none matches. The caller checks <see cref="ExcludedBy"/> first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IgnorePattern? Match(ReadOnlySpan<byte> path, bool isDirectory)
    {
        foreach (var set in Sets)
        {
            if (set.Match(path[set.BaseLength..], Prefix.Length - set.BaseLength, isDirectory) is { } pattern)
            {
                return pattern;
            }
        }

        return null;
    }
}
