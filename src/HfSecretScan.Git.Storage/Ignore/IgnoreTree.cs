using System.Runtime.CompilerServices;
using System.Text;

namespace HfSecretScan.Git.Storage.Ignore;

/// <summary>
/// A working tree's ignore rules, folder by folder: each folder's <c>.gitignore</c> is read the
/// first time a path inside it is asked about, and never again. Not thread-safe: one walk at a time.
/// </summary>
internal sealed class IgnoreTree
{
    private readonly string _workingDirectory;
    private readonly bool _ignoreCase;
    private readonly Dictionary<string, IgnoreDirectory> _directories = new(StringComparer.Ordinal);
    private string? _lastKey;
    private IgnoreDirectory? _last;
    private byte[] _path = new byte[512];

    /// <summary>Rules of the working tree at <paramref name="workingDirectory"/>, below which come <paramref name="repositoryWide"/> (info/exclude, then the excludes file).</summary>
    public IgnoreTree(string workingDirectory, bool ignoreCase, IEnumerable<IgnorePatternSet?> repositoryWide)
    {
        _workingDirectory = workingDirectory;
        _ignoreCase = ignoreCase;
        IgnorePatternSet?[] top = [Load(string.Empty, 0), .. repositoryWide];
        _directories[string.Empty] = new IgnoreDirectory([], [.. top.OfType<IgnorePatternSet>()], excludedBy: null);
    }

    /// <summary>
    /// The pattern that decides whether <paramref name="name"/> in the folder <paramref name="directory"/>
    /// (relative, forward slashes, empty at the top) is ignored, or null when none matches. Ignored
    /// when the result is not negated. No allocation when asked about the entries of one folder in turn.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IgnorePattern? Match(string directory, ReadOnlySpan<char> name, bool isDirectory)
    {
        if (!ReferenceEquals(directory, _lastKey))
        {
            _last = Directory(directory);
            _lastKey = directory;
        }

        var folder = _last!;
        return folder.ExcludedBy ?? folder.Match(Compose(folder.Prefix, name), isDirectory);
    }

    private IgnoreDirectory Directory(string relative)
    {
        if (_directories.TryGetValue(relative, out var known))
        {
            return known;
        }

        int slash = relative.LastIndexOf('/');
        var parent = Directory(slash < 0 ? string.Empty : relative[..slash]);
        string name = relative[(slash + 1)..];
        IgnoreDirectory result;
        if (parent.ExcludedBy is not null)
        {
            result = new IgnoreDirectory([], [], parent.ExcludedBy);
        }
        else
        {
            var path = Compose(parent.Prefix, name);
            byte[] prefix = [.. path, (byte)'/'];
            if (parent.Match(path, isDirectory: true) is { Negated: false } excluding)
            {
                // git reads no .gitignore inside an excluded folder.
                result = new IgnoreDirectory(prefix, [], excluding);
            }
            else
            {
                result = Load(relative, prefix.Length) is { } own
                    ? new IgnoreDirectory(prefix, [own, .. parent.Sets], excludedBy: null)
                    : new IgnoreDirectory(prefix, parent.Sets, excludedBy: null);
            }
        }

        _directories[relative] = result;
        return result;
    }

    private IgnorePatternSet? Load(string relativeDirectory, int baseLength) =>
        IgnoreFile.Load(Path.Combine(_workingDirectory, relativeDirectory, ".gitignore"), inWorkingTree: true, baseLength, _ignoreCase);

    /// <summary>prefix + UTF-8 name in a reused buffer (name lower-cased under core.ignoreCase).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Compose(byte[] prefix, ReadOnlySpan<char> name)
    {
        int needed = prefix.Length + Encoding.UTF8.GetMaxByteCount(name.Length);
        if (_path.Length < needed)
        {
            _path = new byte[needed * 2];
        }

        prefix.CopyTo(_path, 0);
        int written = Encoding.UTF8.GetBytes(name, _path.AsSpan(prefix.Length));
        var path = _path.AsSpan(0, prefix.Length + written);
        if (_ignoreCase)
        {
            IgnorePattern.Fold(path[prefix.Length..]);
        }

        return path;
    }
}
