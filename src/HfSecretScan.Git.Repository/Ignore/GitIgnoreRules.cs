using HfSecretScan.Git.Storage.Ignore;
using HfSecretScan.Sources;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.Ignore;

/// <summary>
/// A repository's ignore rules as git applies them, matched in managed code: per-folder
/// <c>.gitignore</c> files (deeper ones first), <c>info/exclude</c>, then core.excludesFile, with
/// core.ignoreCase. libgit2 only opens the repository and reads its config and index: tracked
/// files are never ignored, as in git. Reading them runs no hook, filter or configured command.
/// One walk at a time: not thread-safe.
/// </summary>
public sealed class GitIgnoreRules : IIgnoreRules
{
    private readonly Repository _repository;
    private readonly IgnoreTree _tree;
    private readonly TrackedPaths _tracked;

    private GitIgnoreRules(Repository repository)
    {
        _repository = repository;
        WorkingDirectory = repository.Info.WorkingDirectory;
        bool ignoreCase = GitConfiguration.Get<bool>(repository, "core.ignoreCase")?.Value ?? false;
        _tree = new IgnoreTree(WorkingDirectory, ignoreCase, [
            IgnoreFile.Load(ExcludeFiles.InfoExclude(repository), inWorkingTree: false, baseLength: 0, ignoreCase),
            ExcludeFiles.ExcludesFile(repository) is { } excludes ? IgnoreFile.Load(excludes, inWorkingTree: false, baseLength: 0, ignoreCase) : null,
        ]);
        _tracked = new TrackedPaths(repository);
    }

    /// <inheritdoc />
    public string WorkingDirectory { get; }

    /// <summary>Opens the rules of the non-bare repository at <paramref name="workingDirectory"/>, or null when there is none.</summary>
    public static GitIgnoreRules? TryOpen(string workingDirectory)
    {
        var repository = RepositoryDiscovery.TryOpenAt(workingDirectory);
        if (repository is null)
        {
            return null;
        }

        if (repository.Info.IsBare)
        {
            repository.Dispose();
            return null;
        }

        return new GitIgnoreRules(repository);
    }

    /// <inheritdoc />
    public bool IsIgnored(string relativeDirectory, ReadOnlySpan<char> name, bool isDirectory)
    {
        if (_tree.Match(relativeDirectory, name, isDirectory) is not { Negated: false })
        {
            return false;
        }

        string path = relativeDirectory.Length == 0 ? name.ToString() : string.Concat(relativeDirectory, "/", name);
        return !_tracked.Contains(path, isDirectory);
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
