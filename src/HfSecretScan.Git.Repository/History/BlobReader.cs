using HfSecretScan.Content;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Scanning;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>One worker's object reader (its own delta base cache) and scanner.</summary>
internal sealed class BlobReader(ObjectStore store, long cacheBytes, ContentScanner scanner)
{
    private readonly ObjectReader _reader = new(store, cacheBytes);

    /// <summary>Scans one blob; a corrupt blob (or pack) yields null and why.</summary>
    public ContentScan? Scan(ObjectLocation location, out string? error)
    {
        IScanContent? content = null;
        try
        {
            content = _reader.OpenBlob(location);
            error = null;
            return scanner.Scan(content);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return null;
        }
        finally
        {
            (content as IDisposable)?.Dispose();
        }
    }

    /// <summary>How a problem names the blob's place in history.</summary>
    public static string Where(BlobOrigin origin) => origin.CommitId is { } commit ? $"{origin.Path} in commit {commit.Sha}" : "unreachable";
}
