using HfSecretScan.Sources;
using LibGit2Sharp;

namespace HfSecretScan.Git.Ignore;

/// <summary>
/// A repository's ignore rules through libgit2: <c>.gitignore</c> files, <c>.git/info/exclude</c>
/// and the global excludes file, exactly as git reads them. Tracked files are never ignored, as in git.
/// Reading them runs no hook, filter or configured command.
/// </summary>
public sealed class GitIgnoreRules : IIgnoreRules
{
    private readonly Repository _repository;
    private string[]? _trackedPaths;

    private GitIgnoreRules(Repository repository)
    {
        _repository = repository;
        WorkingDirectory = repository.Info.WorkingDirectory;
    }

    /// <inheritdoc />
    public string WorkingDirectory { get; }

    /// <summary>Opens the rules of the non-bare repository at <paramref name="workingDirectory"/>, or null when there is none.</summary>
    public static GitIgnoreRules? TryOpen(string workingDirectory)
    {
        if (!Repository.IsValid(workingDirectory))
        {
            return null;
        }

        var repository = new Repository(workingDirectory);
        if (repository.Info.IsBare)
        {
            repository.Dispose();
            return null;
        }

        return new GitIgnoreRules(repository);
    }

    /// <inheritdoc />
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        if (!_repository.Ignore.IsPathIgnored(isDirectory ? relativePath + "/" : relativePath))
        {
            return false;
        }

        return !IsTracked(relativePath, isDirectory);
    }

    private bool IsTracked(string relativePath, bool isDirectory)
    {
        _trackedPaths ??= [.. _repository.Index.Select(e => e.Path.Replace('\\', '/')).Order(StringComparer.Ordinal)];
        if (!isDirectory)
        {
            return Array.BinarySearch(_trackedPaths, relativePath, StringComparer.Ordinal) >= 0;
        }

        // A folder holds a tracked file when some index path starts with "folder/".
        string prefix = relativePath + "/";
        int index = Array.BinarySearch(_trackedPaths, prefix, StringComparer.Ordinal);
        index = index < 0 ? ~index : index;
        return index < _trackedPaths.Length && _trackedPaths[index].StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => _repository.Dispose();
}

/// <summary>Opens <see cref="GitIgnoreRules"/> for the working trees a walk enters.</summary>
public sealed class GitIgnoreRulesProvider : IIgnoreRulesProvider
{
    /// <inheritdoc />
    public IIgnoreRules? Open(string workingDirectory) => GitIgnoreRules.TryOpen(workingDirectory);
}
