using System.Diagnostics;
using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Scans everything git holds for tokens: each blob once, commit and tag messages, unreachable
/// objects, and (on request) submodules. Reads only the object database: no hook, filter,
/// fsmonitor or configured command runs, so an untrusted clone is safe to scan. A blob is named by
/// its path in the commit that introduced it, which is what the globs and the baseline see. A git
/// LFS pointer blob stands for its object when that is on disk under <c>lfs/objects</c> (scanned
/// in its place, found at the pointer's path and commit) and is listed as skipped when it is not.
/// </summary>
/// <param name="path">A folder in the repository.</param>
/// <param name="options">What to cover.</param>
public sealed class HistorySource(string path, HistoryScanOptions options) : IScanSource
{
    // Shared by the workers (each gets its part), as git's default for one reader: in pack order a
    // delta's base is close behind it, and measured on bench/history 64 MB ran as fast as 256 MB.
    private const long DeltaBaseCacheBytes = 96L << 20;
    private const long MinimumCachePerWorker = 16L << 20;

    /// <inheritdoc />
    /// <exception cref="InputException">No repository there, or a revision of the options names no commit.</exception>
    public Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Scan(path, options, sink, new HashSet<string>(StringComparer.Ordinal), cancellationToken);
        return Task.CompletedTask;
    }

    /// <param name="path">A folder in the repository.</param>
    /// <param name="options">What to cover.</param>
    /// <param name="sink">Receives what is found.</param>
    /// <param name="scanned">The git folders scanned so far in this run: a submodule that leads back to one (a <c>.git</c> file naming a parent) is not scanned again.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    private static void Scan(string path, HistoryScanOptions options, ScanSink sink, HashSet<string> scanned, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string gitDirectory = Path.GetFullPath(RepositoryDiscovery.GitDirectoryOf(path));
        if (!scanned.Add(Path.TrimEndingDirectorySeparator(gitDirectory)))
        {
            sink.Problem(new ScanProblem(ProblemKind.Input, options.PathPrefix.TrimEnd('/'), $"Submodule leads back to {gitDirectory}, already scanned in this run; not scanned again."));
            return;
        }

        string lfsObjects = LfsPointer.ObjectsFolder(gitDirectory);
        HistoryInventory inventory;
        string? workingDirectory;
        var storeProblems = new List<ScanProblem>();
        using var store = ObjectStore.Open(gitDirectory, storeProblems, options.FirstObjectDirectories);
        using var progress = new BlobProgress(options.Progress, clock, sink);
        BlobScan blobScan;
        using (var repository = new Repository(gitDirectory))
        {
            workingDirectory = repository.Info.WorkingDirectory;
            if (options.IsRange)
            {
                inventory = HistoryWalker.Range(repository, store, Resolve(repository, store, options.Include), Resolve(repository, store, options.Exclude));
                blobScan = ScanBlobs(store, lfsObjects, Locate(store, inventory), sink, progress, cancellationToken);
            }
            else
            {
                // Whole history reads every blob the database holds: start on them (in pack order, on
                // every core) while this thread walks the history that says where each one came from.
                var blobs = BlobCatalog.InPackOrder(store, storeProblems);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var scanning = Task.Run(() => ScanBlobs(store, lfsObjects, blobs, sink, progress, stop.Token), stop.Token);
                try
                {
                    inventory = HistoryWalker.WholeHistory(repository, store);
                    NoteMissingBlobs(store, inventory);
                }
                catch
                {
                    // The workers read through the store's pack handles: they must stop before it is disposed.
                    stop.Cancel();
                    ((IAsyncResult)scanning).AsyncWaitHandle.WaitOne();
                    throw;
                }

                blobScan = scanning.GetAwaiter().GetResult();
            }
        }

        inventory.Problems.AddRange(storeProblems);
        Report(store, inventory, blobScan, options, sink, progress);
        if (!options.IsRange)
        {
            ScanSubmodules(inventory, workingDirectory, gitDirectory, options, sink, scanned, cancellationToken);
        }
    }

    private static ObjectId[] Resolve(Repository repository, ObjectStore store, IReadOnlyList<string> revisions) =>
        [.. revisions.Select(r => Resolve(repository, store, r))];

    private static ObjectId Resolve(Repository repository, ObjectStore store, string revision)
    {
        try
        {
            if (repository.Lookup(revision) is { } found)
            {
                return found.Peel<Commit>().Id;
            }
        }
        catch (LibGit2SharpException)
        {
            // Reported below with the revision's name.
        }

        // libgit2 reads only the repository's own object folders: a quarantined push's objects are
        // found by id in the store, which reads the quarantine too.
        if (PeelStored(store, revision) is { } stored)
        {
            return stored;
        }

        throw new InputException($"'{revision}' does not name a commit in {repository.Info.Path}.");
    }

    /// <summary>The commit a full object id names in <paramref name="store"/>, through annotated tags; null when it names none.</summary>
    private static ObjectId? PeelStored(ObjectStore store, string revision)
    {
        if (revision.Length != RawId.Length * 2 || !revision.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var reader = new ObjectReader(store, MinimumCachePerWorker);
        var id = RawId.Parse(revision);
        try
        {
            // A tag of a tag is legal; a cycle is not, hence the bound.
            for (int depth = 0; depth < 100 && reader.TryRead(id) is { } found; depth++)
            {
                switch (found.Type)
                {
                    case RawObjectType.Commit:
                        return id.ToObjectId();
                    case RawObjectType.Tag:
                        id = RawTag.TargetOf(found.Span);
                        break;
                    default:
                        return null;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new InputException($"'{revision}' cannot be read: {e.Message}");
        }

        return null;
    }

    /// <summary>
    /// Scans <paramref name="blobs"/> (in pack order) on every core. Each worker keeps one reader for
    /// the whole run and takes contiguous chunks, so its delta base cache stays warm: a delta's base
    /// sits shortly before it. (Parallel.ForEach's local state would not do: it starts fresh replicas,
    /// each with a cold cache, every few hundred milliseconds.)
    /// </summary>
    private static BlobScan ScanBlobs(ObjectStore store, string lfsObjects, List<(ObjectId Id, ObjectLocation Location)> blobs, ScanSink sink, BlobProgress progress, CancellationToken cancellationToken)
    {
        var scan = new BlobScan();
        int workers = Environment.ProcessorCount;
        int chunk = Math.Max(1, blobs.Count / (workers * 8));
        int nextChunk = -1;
        progress.AddToTotal(blobs.Count);
        Parallel.For(
            0,
            workers,
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            _ =>
            {
                var reader = new BlobReader(store, Math.Max(MinimumCachePerWorker, DeltaBaseCacheBytes / workers), sink.CreateScanner(), lfsObjects);
                int start;
                while ((start = Interlocked.Increment(ref nextChunk) * chunk) < blobs.Count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (int i = start; i < Math.Min(start + chunk, blobs.Count); i++)
                    {
                        var (id, location) = blobs[i];
                        if (reader.Scan(id, location, scan) is { } result)
                        {
                            sink.Count(result);
                        }
                    }
                }
            });
        return scan;
    }

    /// <summary>Attributes the tokens found to where each blob came from, counts commits, and scans the messages.</summary>
    private static void Report(ObjectStore store, HistoryInventory inventory, BlobScan scanned, HistoryScanOptions options, ScanSink sink, BlobProgress progress)
    {
        foreach (var problem in inventory.Problems)
        {
            sink.Problem(problem);
        }

        foreach (var (id, error) in scanned.Corrupt)
        {
            sink.Problem(new ScanProblem(ProblemKind.CorruptObject, id.Sha, $"Corrupt blob {id.Sha} ({BlobReader.Where(OriginOf(inventory, id))}), not scanned: {error}"));
        }

        foreach (var (id, problem) in scanned.Containers)
        {
            var origin = OriginOf(inventory, id);
            var located = problem.At(options.PathPrefix + origin.Path);
            sink.Problem(located with { Message = $"{located.Message} (blob {id.Sha}, {BlobReader.Where(origin)})" });
        }

        foreach (var (id, pointer) in scanned.NotFetched)
        {
            var origin = OriginOf(inventory, id);
            string where = options.PathPrefix + origin.Path;
            if (sink.Admits(where))
            {
                sink.Skip(new Sources.SkippedEntry(where, $"git LFS object not fetched (sha256:{pointer.Oid}, {pointer.Size} bytes; blob {id.Sha}, {BlobReader.Where(origin)}): its pointer was scanned, the content was not"));
            }
        }

        var blobFindings = scanned.Hits
            .Select(h => (Origin: OriginOf(inventory, h.BlobId), h.Token))
            .Where(h => sink.Admits(options.PathPrefix + h.Origin.Path))
            .Select(h => (h.Origin, Finding: FindingFactory.Create(h.Token, options.PathPrefix + h.Origin.Path)))
            .ToList();

        // Messages are not files: the globs do not apply to them.
        progress.AddToTotal(inventory.Messages.Count);
        var scanner = sink.CreateScanner();
        var messageFindings = new List<(MessageSource Message, Finding Finding)>();
        foreach (var message in inventory.Messages)
        {
            var scan = scanner.Scan(new MemoryContent(Encoding.UTF8.GetBytes(message.Text)));
            sink.Count(scan);
            foreach (var problem in scan.Problems)
            {
                sink.Problem(problem.At(options.PathPrefix + message.Label));
            }
            if (scan.Tokens.Count > 0)
            {
                messageFindings.AddRange(scan.Reported.Select(token => (message, FindingFactory.Create(token, options.PathPrefix + message.Label))));
            }
        }

        var reader = new ObjectReader(store, MinimumCachePerWorker);
        var presence = TokenPresence.Compute(
            inventory,
            reader,
            [.. blobFindings.Where(h => !h.Origin.Unreachable).Select(h => (RawId.From(h.Origin.BlobId), h.Finding.Secret.Fingerprint))],
            [.. messageFindings.Where(m => !m.Message.Unreachable && m.Message.CommitId is not null && m.Message.ObjectId == m.Message.CommitId)
                .Select(m => (RawId.From(m.Message.CommitId!), m.Finding.Secret.Fingerprint))]);
        var origins = new OriginDescriber(reader, presence, inventory.TagRefs, inventory.KnowsRefs);
        foreach (var (origin, finding) in blobFindings)
        {
            sink.Add(finding with { Commit = origins.DescribeBlob(origin, finding.Secret.Fingerprint) });
        }

        foreach (var (message, finding) in messageFindings)
        {
            sink.Add(finding with { Commit = origins.DescribeMessage(message, finding.Secret.Fingerprint) });
        }
    }

    /// <summary>Where a blob came from; one the walk never met (its objects could not be told apart) is unreachable and named by its id.</summary>
    private static BlobOrigin OriginOf(HistoryInventory inventory, ObjectId blob) =>
        inventory.OriginOf(blob) ?? new BlobOrigin(blob, blob.Sha, null, true);

    /// <summary>Where each listed blob is stored, in pack order (loose ones last); a blob no pack or folder holds becomes a problem.</summary>
    private static List<(ObjectId Id, ObjectLocation Location)> Locate(ObjectStore store, HistoryInventory inventory)
    {
        var located = new List<(ObjectId Id, ObjectLocation Location)>(inventory.Blobs.Count);
        foreach (var origin in inventory.Blobs)
        {
            if (store.Locate(RawId.From(origin.BlobId)) is { } location)
            {
                located.Add((origin.BlobId, location));
            }
            else
            {
                inventory.Problems.Add(MissingBlob(origin));
            }
        }

        return [.. located.OrderBy(l => l.Location.IsLoose).ThenBy(l => l.Location.Pack).ThenBy(l => l.Location.Offset)];
    }

    /// <summary>Makes a problem of each blob the walk met that the object database does not hold (the catalog lists only what it holds).</summary>
    private static void NoteMissingBlobs(ObjectStore store, HistoryInventory inventory)
    {
        foreach (var origin in inventory.Blobs)
        {
            if (store.Locate(RawId.From(origin.BlobId)) is null)
            {
                inventory.Problems.Add(MissingBlob(origin));
            }
        }
    }

    private static ScanProblem MissingBlob(BlobOrigin origin) =>
        new(ProblemKind.MissingObject, origin.BlobId.Sha, $"Missing blob {origin.BlobId.Sha} ({BlobReader.Where(origin)}): not in the object database, not scanned.");

    private static void ScanSubmodules(HistoryInventory inventory, string? workingDirectory, string gitDirectory, HistoryScanOptions options, ScanSink sink, HashSet<string> scanned, CancellationToken cancellationToken)
    {
        foreach (string submodule in inventory.Submodules)
        {
            if (!SubmoduleRepository.IsSafePath(submodule))
            {
                sink.Problem(new ScanProblem(ProblemKind.CorruptObject, options.PathPrefix + submodule, "Submodule path has an empty, '.', '..' or '.git' part (git refuses such trees): it would lead outside its repository, not scanned."));
                continue;
            }

            string? location = SubmoduleRepository.Find(gitDirectory, workingDirectory, submodule);
            if (!options.RecurseSubmodules || location is null)
            {
                string reason = location is null
                    ? "submodule: its own repository, not cloned here, so its history was not scanned"
                    : "submodule: its own repository, not scanned (use --recurse-submodules)";
                sink.Skip(new Sources.SkippedEntry(options.PathPrefix + submodule, reason));
                continue;
            }

            Scan(location, options with { PathPrefix = options.PathPrefix + submodule + "/" }, sink, scanned, cancellationToken);
        }
    }
}
