using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Staging;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;

namespace HfSecretScan.Git.Repositories.Staged;

/// <summary>
/// Scans exactly what the next commit would contain: index entries added or changed relative to
/// HEAD (all of them before the first commit), read from the index's blobs, never from the
/// working tree, so a file fixed on disk but still staged with a token is caught. Paths are the
/// index's, relative to the repository root, as the globs and the baseline expect. An unresolved
/// merge conflict's every side that differs from HEAD is scanned: any of them may be committed.
/// </summary>
/// <remarks>
/// The index, HEAD and the objects are read by the managed readers of Git.Storage, not libgit2:
/// this is the command a pre-commit hook runs, and its start-up is most of its time; it also keeps
/// the command Native AOT-clean (LibGit2Sharp's diff cannot be compiled ahead of time).
/// </remarks>
/// <param name="path">A folder in the repository.</param>
public sealed class StagedSource(string path) : IScanSource
{
    // Enough for the delta bases of HEAD's trees and a few blobs; a commit's worth of blobs is small.
    private const long CacheBytes = 8L << 20;

    /// <inheritdoc />
    /// <exception cref="InputException">No repository there, or a bare one (it has no index).</exception>
    public Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var (gitDirectory, isBare) = RepositoryDiscovery.Find(path);
        if (isBare)
        {
            throw new InputException($"{gitDirectory} is a bare repository: there is nothing staged.");
        }

        string indexFile = Path.Combine(gitDirectory, "index");
        if (Read(indexFile, sink, () => GitIndex.Read(indexFile), "index") is not { } index)
        {
            return Task.CompletedTask;
        }

        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(gitDirectory, problems);
        problems.ForEach(sink.Problem);
        var reader = new ObjectReader(store, CacheBytes);
        if (Read(Path.Combine(gitDirectory, "HEAD"), sink, () => Committed(gitDirectory, reader), "HEAD commit") is not { } committed)
        {
            return Task.CompletedTask;
        }

        var scanner = sink.CreateScanner();
        foreach (var entry in StagedEntries(index, committed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!sink.Admits(entry.Path))
            {
                continue;
            }

            if (store.Locate(entry.Id) is not { } location)
            {
                sink.Problem(new ScanProblem(ProblemKind.MissingObject, entry.Path, $"Staged blob {entry.Id.Sha} is missing from the object database, not scanned."));
                continue;
            }

            IScanContent? content = null;
            try
            {
                content = reader.OpenBlob(location);
                sink.Scan(scanner, content, entry.Path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                sink.Problem(new ScanProblem(ProblemKind.CorruptObject, entry.Path, $"Cannot read staged blob {entry.Id.Sha}: {e.Message}"));
            }
            finally
            {
                (content as IDisposable)?.Dispose();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Index entries added or changed (object or mode) relative to HEAD: both lists are in path
    /// order, so one pass merges them. Submodules (gitlinks) are not content; an intent-to-add entry
    /// (<c>git add -N</c>) stages no content.
    /// </summary>
    internal static List<GitIndexEntry> StagedEntries(List<GitIndexEntry> index, List<(string Path, RawId Id, int Mode)> committed)
    {
        var staged = new List<GitIndexEntry>();
        int head = 0;
        foreach (var entry in index)
        {
            while (head < committed.Count && GitPathOrder.Compare(committed[head].Path, entry.Path) < 0)
            {
                head++;
            }

            if (entry.IntentToAdd || (entry.Mode & 0xF000) == 0xE000)
            {
                continue;
            }

            bool inHead = head < committed.Count && committed[head].Path == entry.Path;
            bool changed = !inHead || committed[head].Id != entry.Id || (entry.Stage == 0 && committed[head].Mode != entry.Mode);
            // The sides of a conflict follow each other: one blob staged on two sides is read once.
            bool seen = false;
            for (int i = staged.Count - 1; i >= 0 && staged[i].Path == entry.Path; i--)
            {
                seen |= staged[i].Id == entry.Id;
            }

            if (changed && !seen)
            {
                staged.Add(entry);
            }
        }

        return staged;
    }

    /// <summary>HEAD's files (blobs and gitlinks) in path order; none on an unborn branch.</summary>
    private static List<(string Path, RawId Id, int Mode)> Committed(string gitDirectory, ObjectReader reader)
    {
        var files = new List<(string Path, RawId Id, int Mode)>();
        if (HeadReference.CommitOf(gitDirectory) is not { } head)
        {
            return files;
        }

        var commit = reader.TryReadCommit(head) ?? throw new InvalidDataException($"HEAD's commit {head.Sha} is missing from the object database");
        AddTree(reader, commit.TreeId, "", files);
        return files;
    }

    /// <summary>A tree's entries, folders expanded in place: tree order sorts a folder as its name and a slash, so this is path order.</summary>
    private static void AddTree(ObjectReader reader, RawId treeId, string prefix, List<(string Path, RawId Id, int Mode)> files)
    {
        var entries = reader.TryReadTree(treeId) ?? throw new InvalidDataException($"tree {treeId.Sha} of HEAD is missing from the object database");
        foreach (var entry in entries)
        {
            if (entry.Kind == TreeEntryKind.Tree)
            {
                AddTree(reader, entry.Id, prefix + entry.Name + "/", files);
            }
            else
            {
                files.Add((prefix + entry.Name, entry.Id, entry.Mode));
            }
        }
    }

    /// <summary>Runs <paramref name="read"/>; what it cannot read becomes a problem of <paramref name="file"/>, and null says nothing staged was scanned.</summary>
    private static T? Read<T>(string file, ScanSink sink, Func<T> read, string what)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or CorruptObjectException)
        {
            sink.Problem(new ScanProblem(ProblemKind.CorruptObject, file, $"The {what} is damaged, nothing staged was scanned: {e.Message}"));
        }
        catch (NotSupportedException e)
        {
            sink.Problem(new ScanProblem(ProblemKind.Unreadable, file, $"The {what} uses {e.Message}, which hf-scan does not read: nothing staged was scanned."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Problem(new ScanProblem(ProblemKind.Unreadable, file, $"The {what} could not be read, nothing staged was scanned: {e.Message}"));
        }

        return null;
    }
}
