namespace HfSecretScan.Sources;

/// <summary>
/// A repository's ignore rules, as git applies them: ignored untracked paths are skipped, tracked
/// files never are. Implemented outside the engine (HfSecretScan.Git.Repository).
/// </summary>
public interface IIgnoreRules : IDisposable
{
    /// <summary>The repository's working directory, with a trailing separator.</summary>
    string WorkingDirectory { get; }

    /// <summary>
    /// Whether git ignores the entry <paramref name="name"/> of the folder <paramref name="relativeDirectory"/>
    /// (relative to <see cref="WorkingDirectory"/>, forward slashes, empty for the working directory
    /// itself). A directory is ignored only when it holds no tracked file. A walk passes the same
    /// folder string for all entries of a folder, so implementations can look the folder up once.
    /// </summary>
    bool IsIgnored(string relativeDirectory, ReadOnlySpan<char> name, bool isDirectory);
}

/// <summary>Opens the ignore rules of the repository whose working tree contains a directory.</summary>
public interface IIgnoreRulesProvider
{
    /// <summary>The rules of the repository whose working directory is exactly <paramref name="workingDirectory"/>, or null when it is none.</summary>
    IIgnoreRules? Open(string workingDirectory);
}
