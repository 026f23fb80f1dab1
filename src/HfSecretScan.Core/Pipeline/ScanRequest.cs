namespace HfSecretScan.Pipeline;

/// <summary>What a host asks of the pipeline: where the project is, which rules to add, which sources to read and which stages to run after suppression.</summary>
public sealed record ScanRequest
{
    /// <summary>A path in the project (the first scanned path, the repository): its root and configuration are found from here.</summary>
    public required string Start { get; init; }

    /// <summary>The sources to read, in order.</summary>
    public required IReadOnlyList<IScanSource> Sources { get; init; }

    /// <summary>A baseline given for this run, relative to the current folder; overrides the configuration's.</summary>
    public string? Baseline { get; init; }

    /// <summary>False when the run must see every finding (writing a baseline, revoking): no baseline is read or applied.</summary>
    public bool UseBaseline { get; init; } = true;

    /// <summary>Globs of paths to scan, added to the configuration's.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of paths to leave out, added to the configuration's.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Scan what git ignores too.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>The most encodings decoded in one chain, overriding the configuration's; null to keep it.</summary>
    public int? MaxDecodeDepth { get; init; }

    /// <summary>The most container levels opened, overriding the configuration's; null to keep it.</summary>
    public int? MaxArchiveDepth { get; init; }

    /// <summary>Stages after the baseline (verification), in order.</summary>
    public IReadOnlyList<IReportStage> Stages { get; init; } = [];
}
