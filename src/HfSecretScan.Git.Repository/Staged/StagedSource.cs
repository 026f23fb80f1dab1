using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.Staged;

/// <summary>
/// Scans exactly what the next commit would contain: index entries added or changed relative to
/// HEAD (all of them before the first commit), read from the index's blobs, never from the
/// working tree, so a file fixed on disk but still staged with a token is caught. Paths are the
/// index's, relative to the repository root, as the globs and the baseline expect.
/// </summary>
/// <param name="path">A folder in the repository.</param>
public sealed class StagedSource(string path) : IScanSource
{
    /// <inheritdoc />
    /// <exception cref="InputException">No repository there, or a bare one (it has no index).</exception>
    public Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var repository = RepositoryDiscovery.Open(path);
        if (repository.Info.IsBare)
        {
            throw new InputException($"{repository.Info.Path} is a bare repository: there is nothing staged.");
        }

        var scanner = sink.CreateScanner();
        foreach (var entry in StagedEntries(repository))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!sink.Admits(entry.Path.Replace('\\', '/')))
            {
                continue;
            }

            try
            {
                if (repository.Lookup<Blob>(entry.Id) is not { } blob)
                {
                    sink.Problem(new ScanProblem(ProblemKind.MissingObject, entry.Path, $"Staged blob {entry.Id.Sha} is missing from the object database, not scanned."));
                    continue;
                }

                using var stream = blob.GetContentStream();
                sink.Scan(scanner, new BlobStreamContent(stream), entry.Path);
            }
            catch (LibGit2SharpException e)
            {
                sink.Problem(new ScanProblem(ProblemKind.CorruptObject, entry.Path, $"Cannot read staged blob {entry.Id.Sha}: {e.Message}"));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Index entries added or changed relative to HEAD (every entry before the first commit), from
    /// libgit2's tree-to-index diff: it walks both sorted lists once, where looking each index path up
    /// in HEAD's tree took seconds on a 50,000-file repository. Submodules (gitlinks) are not content.
    /// </summary>
    private static List<(string Path, ObjectId Id)> StagedEntries(Repository repository)
    {
        using var changes = repository.Diff.Compare<TreeChanges>(repository.Head.Tip?.Tree, DiffTargets.Index);
        var staged = new List<(string Path, ObjectId Id)>();
        foreach (var change in changes)
        {
            bool addsContent = change.Status is ChangeKind.Added or ChangeKind.Modified or ChangeKind.TypeChanged or ChangeKind.Renamed or ChangeKind.Copied;
            if (addsContent && change.Mode != Mode.GitLink)
            {
                staged.Add((change.Path, change.Oid));
            }
        }

        return staged;
    }
}
