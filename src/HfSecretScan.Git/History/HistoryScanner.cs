using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Git.Objects;
using HfSecretScan.Scanning;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>
/// Scans everything git holds for tokens: each blob once, commit and tag messages, unreachable
/// objects, and (on request) submodules. Reads only the object database: no hook, filter,
/// fsmonitor or configured command runs, so an untrusted clone is safe to scan.
/// </summary>
public static class HistoryScanner
{
    // Shared by the workers (each gets its part), as git's default for one reader: in pack order a
    // delta's base is close behind it, and measured on bench/history 64 MB ran as fast as 256 MB.
    private const long DeltaBaseCacheBytes = 96L << 20;
    private const long MinimumCachePerWorker = 16L << 20;

    /// <summary>Scans the repository at or above <paramref name="path"/>.</summary>
    /// <exception cref="RepositoryNotFoundException">No repository there.</exception>
    /// <exception cref="ArgumentException">A revision in the options does not name a commit.</exception>
    public static ScanReport Scan(string path, HistoryScanOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        string gitDirectory = Repository.Discover(path) ?? throw new RepositoryNotFoundException($"No git repository at or above '{path}'.");
        HistoryInventory inventory;
        string? workingDirectory;
        var storeProblems = new List<ScanProblem>();
        var store = ObjectStore.Open(gitDirectory, storeProblems);
        using (var repository = new Repository(gitDirectory))
        {
            workingDirectory = repository.Info.WorkingDirectory;
            inventory = options.IsRange
                ? HistoryWalker.Range(repository, store, Resolve(repository, options.Include), Resolve(repository, options.Exclude))
                : HistoryWalker.WholeHistory(repository, store);
        }

        inventory.Problems.AddRange(storeProblems);
        var scanned = ScanObjects(gitDirectory, store, inventory, options, clock, cancellationToken);
        var report = scanned with { Elapsed = clock.Elapsed };
        return options.IsRange ? report : AddSubmodules(report, inventory, workingDirectory, gitDirectory, options, cancellationToken);
    }

    private static ObjectId[] Resolve(Repository repository, IReadOnlyList<string> revisions) =>
        [.. revisions.Select(r => Resolve(repository, r))];

    private static ObjectId Resolve(Repository repository, string revision)
    {
        try
        {
            if (repository.Lookup(revision) is { } found)
            {
                return found.Peel<Commit>().Id;
            }
        }
        catch (LibGit2SharpException)
        {
            // Reported below with the revision's name.
        }

        throw new ArgumentException($"'{revision}' does not name a commit in {repository.Info.Path}.");
    }

    private static ScanReport ScanObjects(string gitDirectory, ObjectStore store, HistoryInventory inventory, HistoryScanOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        var hits = new ConcurrentBag<(BlobOrigin Origin, LocatedToken Token)>();
        var problems = new ConcurrentBag<ScanProblem>(inventory.Problems);
        long done = 0, bytes = 0;
        int allowed = 0;
        long total = inventory.Blobs.Count + inventory.Messages.Count;
        int workers = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        using var ticker = options.Progress is { } progress
            ? new Timer(_ => progress.Report(new HistoryProgress(Interlocked.Read(ref done), total, Interlocked.Read(ref bytes), clock.Elapsed)), null, 200, 200)
            : null;

        var located = Locate(store, inventory, problems);
        Parallel.ForEach(
            // Contiguous ranges in pack order: a delta's base sits shortly before it, so a worker's delta base cache stays warm.
            // The partitioner rejects an empty range, so it always gets one index; the loop bounds it by the blobs there are.
            Partitioner.Create(0, Math.Max(1, located.Length), Math.Max(1, located.Length / (workers * 8))),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            () => new BlobReader(store, Math.Max(MinimumCachePerWorker, DeltaBaseCacheBytes / workers)),
            (range, _, reader) =>
            {
                for (int i = range.Item1; i < Math.Min(range.Item2, located.Length); i++)
                {
                    var (location, origin) = located[i];
                    var result = reader.Scan(origin, location, problems);
                    Interlocked.Increment(ref done);
                    if (result is null)
                    {
                        continue;
                    }

                    Interlocked.Add(ref bytes, result.Length);
                    Interlocked.Add(ref allowed, result.AllowedCount);
                    foreach (var token in result.Reported)
                    {
                        hits.Add((origin, token));
                    }
                }

                return reader;
            },
            reader => reader.Dispose());

        var findings = new List<Finding>();
        using (var repository = new Repository(gitDirectory))
        {
            using var reader = new ObjectReader(store, MinimumCachePerWorker);
            var counts = CommitCounter.Count(reader, inventory.ReachableCommits, [.. hits.Where(h => !h.Origin.Unreachable).Select(h => h.Origin.BlobId)]);
            var origins = new OriginDescriber(repository, counts);
            foreach (var (origin, token) in hits)
            {
                findings.Add(FindingFactory.Create(token, options.PathPrefix + origin.Path, origins.Describe(origin.BlobId, origin.CommitId, origin.Unreachable)));
            }

            var scanner = new ContentScanner();
            foreach (var message in inventory.Messages)
            {
                var result = scanner.Scan(new MemoryContent(Encoding.UTF8.GetBytes(message.Text)));
                done++;
                bytes += result.Length;
                allowed += result.AllowedCount;
                findings.AddRange(result.Reported.Select(t =>
                    FindingFactory.Create(t, options.PathPrefix + message.Label, origins.Describe(message.ObjectId, message.CommitId, message.Unreachable))));
            }
        }

        findings.Sort(Finding.Compare);
        return new ScanReport
        {
            Findings = findings,
            Problems = [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal)],
            ItemsScanned = done,
            BytesScanned = bytes,
            SuppressedByComment = allowed,
        };
    }

    /// <summary>Where each blob is stored, in pack order (loose ones last); a blob no pack or folder holds becomes a problem.</summary>
    private static (ObjectLocation Location, BlobOrigin Origin)[] Locate(ObjectStore store, HistoryInventory inventory, ConcurrentBag<ScanProblem> problems)
    {
        var located = new List<(ObjectLocation Location, BlobOrigin Origin)>(inventory.Blobs.Count);
        foreach (var origin in inventory.Blobs)
        {
            if (store.Locate(origin.BlobId) is { } location)
            {
                located.Add((location, origin));
            }
            else
            {
                problems.Add(new ScanProblem(origin.BlobId.Sha, $"Missing blob {origin.BlobId.Sha} ({BlobReader.Where(origin)}): not in the object database, not scanned."));
            }
        }

        return [.. located.OrderBy(l => l.Location.IsLoose).ThenBy(l => l.Location.Pack).ThenBy(l => l.Location.Offset)];
    }

    private static ScanReport AddSubmodules(ScanReport report, HistoryInventory inventory, string? workingDirectory, string gitDirectory, HistoryScanOptions options, CancellationToken cancellationToken)
    {
        foreach (string submodule in inventory.Submodules)
        {
            string? location = SubmoduleRepository.Find(gitDirectory, workingDirectory, submodule);
            if (!options.RecurseSubmodules || location is null)
            {
                string reason = location is null
                    ? "submodule: its own repository, not cloned here, so its history was not scanned"
                    : "submodule: its own repository, not scanned (use --recurse-submodules)";
                report = report with { Skipped = [.. report.Skipped, new Sources.SkippedEntry(options.PathPrefix + submodule, reason)] };
                continue;
            }

            var inner = Scan(location, options with { PathPrefix = options.PathPrefix + submodule + "/" }, cancellationToken);
            report = ScanReport.Combine(report, inner with { Elapsed = TimeSpan.Zero });
        }

        return report;
    }
}
