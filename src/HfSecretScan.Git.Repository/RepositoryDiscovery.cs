using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories;

/// <summary>Finds the repository a command names by a path, the same way for every command.</summary>
internal static class RepositoryDiscovery
{
    /// <summary>The git folder of the repository at or above <paramref name="path"/>, as git finds it.</summary>
    /// <exception cref="InputException">No repository there.</exception>
    public static string GitDirectoryOf(string path) =>
        Repository.Discover(path) ?? throw new InputException($"No git repository at or above '{path}'.");

    /// <summary>Opens the repository at or above <paramref name="path"/>.</summary>
    /// <exception cref="InputException">No repository there.</exception>
    public static Repository Open(string path) => new(GitDirectoryOf(path));

    /// <summary>
    /// Opens the repository whose working tree or git folder is exactly <paramref name="directory"/>, or
    /// returns null: a walk asks about each folder it enters, so a parent's repository must not answer.
    /// </summary>
    public static Repository? TryOpenAt(string directory) => Repository.IsValid(directory) ? new Repository(directory) : null;
}
