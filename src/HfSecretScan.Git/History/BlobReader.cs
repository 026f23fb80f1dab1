using System.Collections.Concurrent;
using HfSecretScan.Findings;
using HfSecretScan.Git.Objects;
using HfSecretScan.Scanning;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>One worker's repository handle and scanner: libgit2 objects are not thread-safe.</summary>
internal sealed class BlobReader(string gitDirectory) : IDisposable
{
    private readonly Repository _repository = new(gitDirectory);
    private readonly ContentScanner _scanner = new();

    /// <summary>Scans one blob; a missing or corrupt blob becomes a problem and yields null.</summary>
    public ContentScan? Scan(BlobOrigin origin, ConcurrentBag<ScanProblem> problems)
    {
        string where = origin.CommitId is { } commit ? $"{origin.Path} in commit {commit.Sha}" : "unreachable";
        try
        {
            if (_repository.Lookup<Blob>(origin.BlobId) is not { } blob)
            {
                problems.Add(new ScanProblem(origin.BlobId.Sha, $"Missing blob {origin.BlobId.Sha} ({where}): not in the object database, not scanned."));
                return null;
            }

            using var stream = blob.GetContentStream();
            return _scanner.Scan(new BlobStreamContent(stream));
        }
        catch (LibGit2SharpException e)
        {
            problems.Add(new ScanProblem(origin.BlobId.Sha, $"Corrupt blob {origin.BlobId.Sha} ({where}), not scanned: {e.Message}"));
            return null;
        }
    }

    public void Dispose() => _repository.Dispose();
}
