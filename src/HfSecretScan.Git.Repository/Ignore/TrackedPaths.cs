using HfSecretScan.Git.Storage.Ignore;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.Ignore;

/// <summary>
/// The paths in a repository's index, read on first use: git never ignores a tracked file, nor a
/// folder holding one. An index neither this reader nor libgit2 can read counts every path as
/// tracked, so that nothing is ignored: a damaged index makes the scan read more, never less.
/// </summary>
internal sealed class TrackedPaths
{
    private readonly Repository _repository;
    private string[]? _paths;
    private bool _unreadable;

    /// <summary>The index of <paramref name="repository"/>.</summary>
    public TrackedPaths(Repository repository) => _repository = repository;

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes) is tracked, or for a folder holds a tracked file.</summary>
    public bool Contains(string relativePath, bool isDirectory)
    {
        if (_paths is null && !_unreadable)
        {
            try
            {
                _paths = [.. (IndexFilePaths.Read(Path.Combine(_repository.Info.Path, "index"))
                    ?? _repository.Index.Select(e => e.Path.Replace('\\', '/'))).Order(StringComparer.Ordinal)];
            }
            catch (LibGit2SharpException)
            {
                _unreadable = true;
            }
        }

        if (_paths is null)
        {
            return true;
        }

        if (!isDirectory)
        {
            return Array.BinarySearch(_paths, relativePath, StringComparer.Ordinal) >= 0;
        }

        // A folder holds a tracked file when some index path starts with "folder/".
        string prefix = relativePath + "/";
        int index = Array.BinarySearch(_paths, prefix, StringComparer.Ordinal);
        index = index < 0 ? ~index : index;
        return index < _paths.Length && _paths[index].StartsWith(prefix, StringComparison.Ordinal);
    }
}
