using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.MSBuild.Selection;
using HfSecretScan.Scanning;
using HfSecretScan.Sources;
using HfSecretScan.Suppression;

namespace HfSecretScan.MSBuild.Caching;

/// <summary>
/// Scans the files whose length or write time changed since the cache was written, in parallel
/// with <see cref="FileSetScanner"/>, and takes the rest from the cache, so that a finding keeps
/// failing every build until its file changes and no longer holds it.
/// </summary>
internal static class IncrementalScan
{
    /// <summary>Brings <paramref name="cache"/> up to date for <paramref name="files"/> (already chosen by <paramref name="policy"/>'s globs).</summary>
    public static IncrementalScanResult Run(IReadOnlyList<ProjectFile> files, ScanCache cache, ScanPolicy policy)
    {
        var current = new Dictionary<string, CachedFile>(FileSystemPaths.Comparer);
        var stamps = new Dictionary<string, FileStamp>(FileSystemPaths.Comparer);
        var toScan = new List<ScanTarget>();
        foreach (var file in files)
        {
            var stamp = FileStamp.Of(file.FullPath);
            if (stamp is not null && cache.Lookup(file.FullPath, stamp) is { } cached)
            {
                current[file.FullPath] = cached;
                continue;
            }

            if (stamp is not null)
            {
                stamps[file.FullPath] = stamp;
            }

            // The project names each item, as a command line names a file: a symbolic link to a file is read.
            toScan.Add(new ScanTarget(file.FullPath, file.FullPath, Explicit: true));
        }

        var problems = new List<ScanProblem>();
        var skipped = new List<SkippedEntry>();
        if (toScan.Count > 0)
        {
            var sink = new ScanSink(policy);
            FileSetScanner.Scan(toScan, sink);
            var scan = sink.ToReport();
            problems.AddRange(scan.Problems);
            skipped.AddRange(scan.Skipped);
            var findings = scan.Findings.ToLookup(f => f.OuterPath, FileSystemPaths.Comparer);

            var unread = new HashSet<string>([.. scan.Problems.Select(p => p.Path), .. scan.Skipped.Select(s => s.Path)], FileSystemPaths.Comparer);
            foreach (var target in toScan)
            {
                // Stamped before reading: a write during the scan changes the stamp and the next build reads the file again.
                // Findings and problems name a file as reports do: a path that holds a token is redacted.
                string named = Secret.RedactAll(target.Path);
                if (!unread.Contains(named) && !HasProblemInside(scan.Problems, named) && stamps.TryGetValue(target.FullPath, out var stamp))
                {
                    current[target.FullPath] = new CachedFile(stamp, [.. findings[named].Select(CachedFinding.From)]);
                }
            }
        }

        bool changed = toScan.Count > 0 || current.Count != cache.Count;
        return new IncrementalScanResult(ScanCache.Of(current), changed, toScan.Count, problems, skipped);
    }

    /// <summary>A problem inside an archive (named <c>file!member</c>) keeps the archive out of the cache, so that the next build says it again.</summary>
    private static bool HasProblemInside(IReadOnlyList<ScanProblem> problems, string file) =>
        problems.Any(p => p.Path.Length > file.Length && p.Path[file.Length] == Containers.ContainerPath.Separator && p.Path.StartsWith(file, FileSystemPaths.Comparison));
}

/// <summary>What <see cref="IncrementalScan.Run"/> did.</summary>
/// <param name="Cache">Every readable file's findings, fresh or cached.</param>
/// <param name="Changed">Whether <see cref="Cache"/> differs from the cache read at the start.</param>
/// <param name="FilesRead">Files read in this build.</param>
/// <param name="Problems">Files that could not be read.</param>
/// <param name="Skipped">Entries deliberately not read.</param>
internal sealed record IncrementalScanResult(ScanCache Cache, bool Changed, int FilesRead, IReadOnlyList<ScanProblem> Problems, IReadOnlyList<SkippedEntry> Skipped);
