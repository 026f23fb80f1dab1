using HfSecretScan.Findings;
using HfSecretScan.Sources;

namespace HfSecretScan.Scanning;

/// <summary>What scanning a set of files found, before baseline filtering.</summary>
public sealed record FileSetScan
{
    /// <summary>Findings not suppressed by an allow comment, ordered by path then position.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Files that could not be read, ordered by path.</summary>
    public required IReadOnlyList<ScanProblem> Problems { get; init; }

    /// <summary>Entries deliberately not read: FIFOs, sockets, devices, and symbolic links found by a walk (a link named on the command line is read, as in ripgrep).</summary>
    public required IReadOnlyList<SkippedEntry> Skipped { get; init; }

    /// <summary>Files read.</summary>
    public long FilesScanned { get; init; }

    /// <summary>Bytes read.</summary>
    public long BytesScanned { get; init; }

    /// <summary>Findings suppressed by <c>hf-scan:allow</c>.</summary>
    public int SuppressedByComment { get; init; }
}
