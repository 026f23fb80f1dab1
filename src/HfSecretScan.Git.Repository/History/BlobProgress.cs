using System.Diagnostics;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>Reports what the run's sink has counted a few times a second, against the number of blobs to read, when asked to.</summary>
internal sealed class BlobProgress : IDisposable
{
    private readonly Timer? _ticker;
    private long _total;

    public BlobProgress(IProgress<HistoryProgress>? progress, Stopwatch clock, ScanSink sink)
    {
        _ticker = progress is null
            ? null
            : new Timer(_ => progress.Report(new HistoryProgress(sink.ItemsScanned, Interlocked.Read(ref _total), sink.BytesScanned, clock.Elapsed)), null, 200, 200);
    }

    /// <summary>Adds to the number of blobs to read.</summary>
    public void AddToTotal(long count) => Interlocked.Add(ref _total, count);

    public void Dispose() => _ticker?.Dispose();
}
