using System.Collections.Concurrent;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Git.Objects;
using HfSecretScan.Scanning;

namespace HfSecretScan.Git.History;

/// <summary>One worker's object reader (own pack handles and delta base cache) and scanner.</summary>
internal sealed class BlobReader(ObjectStore store, long cacheBytes) : IDisposable
{
    private readonly ObjectReader _reader = new(store, cacheBytes);
    private readonly ContentScanner _scanner = new();

    /// <summary>Scans one blob; a corrupt blob (or pack) becomes a problem and yields null.</summary>
    public ContentScan? Scan(BlobOrigin origin, ObjectLocation location, ConcurrentBag<ScanProblem> problems)
    {
        IScanContent? content = null;
        try
        {
            content = _reader.OpenBlob(location);
            return _scanner.Scan(content);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new ScanProblem(origin.BlobId.Sha, $"Corrupt blob {origin.BlobId.Sha} ({Where(origin)}), not scanned: {e.Message}"));
            return null;
        }
        finally
        {
            (content as IDisposable)?.Dispose();
        }
    }

    /// <summary>How a problem names the blob's place in history.</summary>
    public static string Where(BlobOrigin origin) => origin.CommitId is { } commit ? $"{origin.Path} in commit {commit.Sha}" : "unreachable";

    public void Dispose() => _reader.Dispose();
}
