using System.Text;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Counts the Git LFS pointer files of a repository's object database: the large files (weights,
/// archives) whose content lives outside git (on the Hugging Face Hub, say) and is not downloaded,
/// so not scanned. Lists blobs from pack entry headers, reads each one's size from its header, and
/// reads only the few small blobs that can be pointers.
/// </summary>
public static class LfsPointers
{
    /// <summary>A pointer file's first line (Xet-backed files keep the same pointer format in git).</summary>
    public const string Header = "version https://git-lfs.github.com/spec/v1";

    // The specification caps pointer files at 1024 bytes.
    private const long MaxPointerBytes = 1024;

    /// <summary>The number of distinct LFS pointer blobs in the repository at <paramref name="gitDirectory"/>.</summary>
    public static int Count(string gitDirectory, CancellationToken cancellationToken)
    {
        using var repository = new Repository(gitDirectory);

        // Damaged objects are the history scan's to report.
        using var store = ObjectStore.Open(gitDirectory, new List<ScanProblem>());
        int count = 0;
        foreach (var (id, _) in BlobCatalog.InPackOrder(store, new List<ScanProblem>()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (repository.ObjectDatabase.RetrieveObjectMetadata(id).Size <= MaxPointerBytes && repository.Lookup<Blob>(id) is { } blob && IsPointer(blob))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsPointer(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadLine() == Header;
    }
}
