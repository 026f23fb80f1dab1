using HfSecretScan.Containers;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Scanning;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// One worker's object reader (its own delta base cache) and scanner. A git LFS pointer is read
/// through: the object it names is scanned in its place when it is on disk in
/// <paramref name="lfsObjects"/>; nothing is fetched.
/// </summary>
internal sealed class BlobReader(ObjectStore store, long cacheBytes, ContentScanner scanner, string lfsObjects)
{
    private readonly ObjectReader _reader = new(store, cacheBytes);

    /// <summary>
    /// Scans blob <paramref name="id"/> at <paramref name="location"/> and records its tokens, problems
    /// and an unfetched LFS object in <paramref name="found"/>; returns the scan to count, or null when
    /// the blob could not be read.
    /// </summary>
    public ContentScan? Scan(ObjectId id, ObjectLocation location, BlobScan found)
    {
        IScanContent? content = null;
        ContentScan result;
        try
        {
            content = _reader.OpenBlob(location);
            result = content is MemoryContent memory && LfsPointer.MayBe(memory.Bytes.Span) && LfsPointer.TryParse(memory.Bytes.Span) is { } pointer
                ? ScanLfsObject(id, pointer, memory, found)
                : scanner.Scan(content);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            found.Corrupt.Add((id, e.Message));
            return null;
        }
        finally
        {
            (content as IDisposable)?.Dispose();
        }

        foreach (var problem in result.Problems)
        {
            found.Containers.Add((id, problem));
        }

        foreach (var token in result.Reported)
        {
            found.Hits.Add((id, token));
        }

        return result;
    }

    /// <summary>How a problem names the blob's place in history.</summary>
    public static string Where(BlobOrigin origin) => origin.CommitId is { } commit ? $"{origin.Path} in commit {commit.Sha}" : "unreachable";

    /// <summary>
    /// Scans the object <paramref name="pointer"/> names in the pointer blob's place, or the pointer
    /// itself (noted as not fetched) when the object is not on disk. An object that cannot be read is
    /// a problem of the pointer's path, not a corrupt blob: the blob is fine.
    /// </summary>
    private ContentScan ScanLfsObject(ObjectId id, LfsPointer pointer, MemoryContent pointerBlob, BlobScan found)
    {
        string file = pointer.PathIn(lfsObjects);
        if (!File.Exists(file))
        {
            found.NotFetched.Add((id, pointer));
            return scanner.Scan(pointerBlob);
        }

        try
        {
            using var lfsObject = FileContent.Open(file);
            return scanner.Scan(lfsObject);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return scanner.Scan(pointerBlob) with
            {
                Problems = [new ContainerProblem(null, ProblemKind.Unreadable, $"git LFS object sha256:{pointer.Oid} could not be read: {e.Message}")],
            };
        }
    }
}
