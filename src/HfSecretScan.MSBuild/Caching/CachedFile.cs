namespace HfSecretScan.MSBuild.Caching;

/// <summary>A file's size and modification time when it was scanned, and what the scan found.</summary>
/// <param name="Stamp">The file's stamp when it was scanned.</param>
/// <param name="Findings">Findings not suppressed by an allow comment, in offset order.</param>
internal sealed record CachedFile(FileStamp Stamp, IReadOnlyList<CachedFinding> Findings);
