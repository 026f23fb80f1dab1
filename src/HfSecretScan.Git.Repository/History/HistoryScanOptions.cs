namespace HfSecretScan.Git.Repositories.History;

/// <summary>What a history scan covers and how it reports progress.</summary>
public sealed record HistoryScanOptions
{
    /// <summary>
    /// Revisions whose commits to scan (what they introduce); empty scans the whole object
    /// database, reachable or not.
    /// </summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Revisions whose history is left out of a range (the <c>A</c> in <c>A..B</c>).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>
    /// Object folders read before the repository's own: the quarantine of a push that a
    /// pre-receive hook checks, whose objects exist nowhere else until the hook accepts them.
    /// </summary>
    public IReadOnlyList<string> FirstObjectDirectories { get; init; } = [];

    /// <summary>Scan the repositories of submodules too.</summary>
    public bool RecurseSubmodules { get; init; }

    /// <summary>Prefix of every reported path (the submodule's path inside its superproject).</summary>
    public string PathPrefix { get; init; } = string.Empty;

    /// <summary>Receives progress a few times a second; null for none.</summary>
    public IProgress<HistoryProgress>? Progress { get; init; }

    /// <summary>True when only a range of commits is scanned.</summary>
    public bool IsRange => Include.Count > 0;
}
