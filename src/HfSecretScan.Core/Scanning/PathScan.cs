using System.Diagnostics;
using HfSecretScan.Findings;
using HfSecretScan.Sources;

namespace HfSecretScan.Scanning;

/// <summary>Scans files and folders: the working-tree scan behind <c>hf-scan scan</c>.</summary>
public static class PathScan
{
    /// <summary>
    /// Walks and scans <see cref="PathScanOptions.Paths"/> with the project's globs; the baseline
    /// is left to <see cref="ProjectSettings.Finish"/>.
    /// </summary>
    public static ScanReport Run(PathScanOptions options, ProjectSettings settings, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var config = settings.Config;
        var filter = new PathFilter([.. config.Include, .. options.Include], [.. config.Exclude, .. options.Exclude]);
        var ignore = options.NoIgnore || config.NoIgnore ? null : options.Ignore;
        var walker = new WorkingTreeSource(settings.Root, filter, ignore);
        var scan = FileSetScanner.Scan(walker.Enumerate(options.Paths), cancellationToken: cancellationToken);
        var report = new ScanReport
        {
            Findings = scan.Findings,
            // The walk meets entries in directory order: sort them like the scanner's own.
            Problems = [.. walker.Problems.Concat(scan.Problems).OrderBy(p => p.Path, StringComparer.Ordinal)],
            Skipped = [.. walker.Skipped.Concat(scan.Skipped).OrderBy(s => s.Path, StringComparer.Ordinal)],
            ItemsScanned = scan.FilesScanned,
            BytesScanned = scan.BytesScanned,
            SuppressedByComment = scan.SuppressedByComment,
        };
        return report with { Elapsed = clock.Elapsed };
    }
}
