using HfSecretScan.Sources;

namespace HfSecretScan.Scanning;

/// <summary>What <see cref="PathScan"/> scans and how.</summary>
public sealed record PathScanOptions
{
    /// <summary>Files and folders to scan.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>Globs of paths to scan, added to the configuration's.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of paths to leave out, added to the configuration's.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Scan what git ignores too.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>Baseline file; overrides the configuration's.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Git ignore rules; null scans everything.</summary>
    public IIgnoreRulesProvider? Ignore { get; init; }
}
