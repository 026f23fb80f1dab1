namespace HfSecretScan.Sources;

/// <summary>
/// A repository's ignore rules, as git applies them: ignored untracked paths are skipped, tracked
/// files never are. Implemented over libgit2 outside the engine.
/// </summary>
public interface IIgnoreRules : IDisposable
{
    /// <summary>The repository's working directory, with a trailing separator.</summary>
    string WorkingDirectory { get; }

    /// <summary>
    /// Whether git ignores <paramref name="relativePath"/> (relative to <see cref="WorkingDirectory"/>,
    /// forward slashes). A directory is ignored only when it holds no tracked file.
    /// </summary>
    bool IsIgnored(string relativePath, bool isDirectory);
}

/// <summary>Opens the ignore rules of the repository whose working tree contains a directory.</summary>
public interface IIgnoreRulesProvider
{
    /// <summary>The rules of the repository whose working directory is exactly <paramref name="workingDirectory"/>, or null when it is none.</summary>
    IIgnoreRules? Open(string workingDirectory);
}
