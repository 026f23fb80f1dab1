using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.Sources;

namespace HfSecretScan.Scanning;

/// <summary>
/// Scans files in parallel on all cores, one <see cref="ContentScanner"/> per worker, delivering
/// what it reads to a <see cref="ScanSink"/> (which orders it deterministically).
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
    public static void Scan(IEnumerable<ScanTarget> targets, ScanSink sink, CancellationToken cancellationToken = default)
    {
        using var queue = new WorkQueue<ScanTarget[]>(QueueCapacity / BatchSize, cancellationToken);
        var walk = Task.Run(
            () =>
            {
                try
                {
                    foreach (var batch in targets.Chunk(BatchSize))
                    {
                        queue.Add(batch);
                    }
                }
                finally
                {
                    queue.Complete();
                }
            },
            cancellationToken);

        int workers = Environment.ProcessorCount;
        var scans = new Task[workers];
        for (int i = 0; i < workers; i++)
        {
            scans[i] = Task.Factory.StartNew(
                () =>
                {
                    var scanner = sink.CreateScanner();
                    while (queue.TryTake(out var batch))
                    {
                        foreach (var target in batch)
                        {
                            ScanFile(target, scanner, sink);
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
    }

    /// <summary>Scans one file; a file that changed while it was read is scanned as read and listed as a problem.</summary>
    /// <param name="target">The file.</param>
    /// <param name="scanner">The worker's scanner.</param>
    /// <param name="sink">Receives what is found.</param>
    /// <param name="opened">Called between open and the first read: the seam tests change the file through, deterministically.</param>
    internal static void ScanFile(ScanTarget target, ContentScanner scanner, ScanSink sink, Action<string>? opened = null)
    {
        switch (FileKindProbe.Probe(target.FullPath))
        {
            case FileKind.Missing:
                sink.Problem(new ScanProblem(ProblemKind.Unreadable, target.Path, "File vanished or became inaccessible before it could be read."));
                return;
            case FileKind.Special:
                sink.Skip(new SkippedEntry(target.Path, "not a regular file (FIFO, socket or device)"));
                return;
            case FileKind.SymbolicLink when !target.Explicit:
                sink.Skip(new SkippedEntry(target.Path, "symbolic link (not followed)"));
                return;
            case FileKind.Directory:
                sink.Problem(new ScanProblem(ProblemKind.Unreadable, target.Path, "Expected a file but found a folder."));
                return;
        }

        try
        {
            using var content = FileContent.Open(target.FullPath);
            opened?.Invoke(target.FullPath);
            sink.Scan(scanner, content, target.Path);
            if (content.Change() is { } change)
            {
                sink.Problem(new ScanProblem(ProblemKind.Unreadable, target.Path, $"File changed while it was read ({change}): what was read was scanned; scan it again once it is still."));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Problem(new ScanProblem(ProblemKind.Unreadable, target.Path, Describe(e)));
        }
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "File vanished before it could be read.",
        UnauthorizedAccessException => "Permission denied.",
        _ => "Read failed: " + e.Message,
    };
}
