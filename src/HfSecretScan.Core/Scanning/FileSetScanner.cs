using System.Collections.Concurrent;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Sources;

namespace HfSecretScan.Scanning;

/// <summary>
/// Scans files in parallel on all cores, one <see cref="ContentScanner"/> per worker, and returns
/// results in a deterministic order whatever the scheduling.
/// </summary>
/// <remarks>
/// The walk runs on its own thread and hands files to the workers through a bounded queue, so
/// listing folders overlaps with reading files instead of serializing the workers behind it.
/// </remarks>
public static class FileSetScanner
{
    private const int QueueCapacity = 4096;

    // Files travel in small batches: one hand-off per file made the idle workers spin on the queue.
    private const int BatchSize = 16;

    /// <summary>Scans every target; a file that cannot be read becomes a problem and the rest go on.</summary>
    public static FileSetScan Scan(IEnumerable<ScanTarget> targets, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        var results = new Results();
        using var queue = new BlockingCollection<ScanTarget[]>(QueueCapacity / BatchSize);
        var walk = Task.Run(
            () =>
            {
                try
                {
                    foreach (var batch in targets.Chunk(BatchSize))
                    {
                        queue.Add(batch, cancellationToken);
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            cancellationToken);

        int workers = Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount);
        var scans = new Task[workers];
        for (int i = 0; i < workers; i++)
        {
            scans[i] = Task.Factory.StartNew(
                () =>
                {
                    var scanner = new ContentScanner();
                    foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
                    {
                        foreach (var target in batch)
                        {
                            ScanFile(target, scanner, results);
                        }
                    }
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        try
        {
            Task.WaitAll([walk, .. scans], cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        return results.ToScan();
    }

    private static void ScanFile(ScanTarget target, ContentScanner scanner, Results results)
    {
        switch (FileKindProbe.Probe(target.FullPath))
        {
            case FileKind.Missing:
                results.Problems.Add(new ScanProblem(target.Path, "File vanished or became inaccessible before it could be read."));
                return;
            case FileKind.Special:
                results.Skipped.Add(new SkippedEntry(target.Path, "not a regular file (FIFO, socket or device)"));
                return;
            case FileKind.SymbolicLink when !target.Explicit:
                results.Skipped.Add(new SkippedEntry(target.Path, "symbolic link (not followed)"));
                return;
            case FileKind.Directory:
                results.Problems.Add(new ScanProblem(target.Path, "Expected a file but found a folder."));
                return;
        }

        try
        {
            using var content = FileContent.Open(target.FullPath);
            var scan = scanner.Scan(content);
            Interlocked.Increment(ref results.Files);
            Interlocked.Add(ref results.Bytes, scan.Length);
            if (scan.Tokens.Count == 0)
            {
                return;
            }

            Interlocked.Add(ref results.Allowed, scan.AllowedCount);
            foreach (var token in scan.Reported)
            {
                results.Findings.Add(FindingFactory.Create(token, target.Path));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            results.Problems.Add(new ScanProblem(target.Path, Describe(e)));
        }
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "File vanished before it could be read.",
        UnauthorizedAccessException => "Permission denied.",
        _ => "Read failed: " + e.Message,
    };

    /// <summary>What the workers collect, in any order until <see cref="ToScan"/> sorts it.</summary>
    private sealed class Results
    {
        public readonly ConcurrentBag<Finding> Findings = [];
        public readonly ConcurrentBag<ScanProblem> Problems = [];
        public readonly ConcurrentBag<SkippedEntry> Skipped = [];
        public long Files;
        public long Bytes;
        public int Allowed;

        public FileSetScan ToScan()
        {
            var findings = Findings.ToList();
            findings.Sort(Finding.Compare);
            return new FileSetScan
            {
                Findings = findings,
                Problems = [.. Problems.OrderBy(p => p.Path, StringComparer.Ordinal)],
                Skipped = [.. Skipped.OrderBy(p => p.Path, StringComparer.Ordinal)],
                FilesScanned = Files,
                BytesScanned = Bytes,
                SuppressedByComment = Allowed,
            };
        }
    }
}
