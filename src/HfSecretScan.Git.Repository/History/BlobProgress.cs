using System.Diagnostics;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>Counts what the blob workers have read and reports it a few times a second when asked to.</summary>
internal sealed class BlobProgress : IDisposable
{
    private readonly Timer? _ticker;
    private long _items;
    private long _bytes;
    private long _total;

    public BlobProgress(IProgress<HistoryProgress>? progress, Stopwatch clock)
    {
        _ticker = progress is null
            ? null
            : new Timer(_ => progress.Report(new HistoryProgress(Items, Interlocked.Read(ref _total), Bytes, clock.Elapsed)), null, 200, 200);
    }

    /// <summary>Blobs read so far.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Bytes scanned so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Adds to the number of blobs to read.</summary>
    public void AddToTotal(long count) => Interlocked.Add(ref _total, count);

    /// <summary>One blob read (<paramref name="bytes"/> long; 0 for one that could not be read).</summary>
    public void Done(long bytes)
    {
        Interlocked.Increment(ref _items);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void Dispose() => _ticker?.Dispose();
}
