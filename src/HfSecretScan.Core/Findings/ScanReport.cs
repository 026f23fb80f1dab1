namespace HfSecretScan.Findings;

/// <summary>Everything a scan produced, in deterministic order, for the reporters.</summary>
public sealed record ScanReport
{
    /// <summary>Findings to report, ordered by path then position.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>What could not be scanned.</summary>
    public IReadOnlyList<ScanProblem> Problems { get; init; } = [];

    /// <summary>Entries deliberately not read (symbolic links, FIFOs, devices).</summary>
    public IReadOnlyList<Sources.SkippedEntry> Skipped { get; init; } = [];

    /// <summary>Contents (files, blobs) scanned.</summary>
    public long ItemsScanned { get; init; }

    /// <summary>Bytes scanned.</summary>
    public long BytesScanned { get; init; }

    /// <summary>Findings hidden by an <c>hf-scan:allow</c> comment.</summary>
    public int SuppressedByComment { get; init; }

    /// <summary>Findings hidden because the baseline lists them.</summary>
    public int SuppressedByBaseline { get; init; }

    /// <summary>Large files seen only as Git LFS pointers: their content was not downloaded, so not scanned.</summary>
    public long LfsPointersNotScanned { get; init; }

    /// <summary>Wall-clock time of the scan.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when everything was read.</summary>
    public bool IsComplete => Problems.Count == 0;

    /// <summary>An empty, complete report.</summary>
    public static ScanReport Empty { get; } = new() { Findings = [] };
}
