using System.Collections.Concurrent;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Pipeline;
using HfSecretScan.Verification;
using LibGit2Sharp;

namespace HfSecretScan.Hub;

/// <summary>
/// Audits the Hugging Face Hub as a source of the pipeline: lists the targets' repositories,
/// keeps this shard's, and for each (a few at once) fetches every ref, scans the whole object
/// database as <c>history</c> does, counts the LFS files it could not scan, and scans the
/// discussions. Each repository is scanned into a sink of its own and taken into the run's with
/// its findings attributed to it (repository, web page); one that cannot be listed, fetched or
/// read is a problem with its id and reason, and the rest is scanned.
/// </summary>
/// <param name="options">What to audit and how.</param>
public sealed class HubSource(HubAuditOptions options) : IScanSource
{
    /// <inheritdoc />
    public async Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var client = new HfApiClient(options.Endpoint, VerificationStage.HubListingMaxBytes);
        var reader = new HubApiReader(client, options.Gate, options.Api);
        var problems = new List<ScanProblem>();
        var listed = await new HubLister(reader, options.Token).ListAsync(options.Targets, problems, cancellationToken).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            sink.Problem(problem);
        }

        var repositories = listed.Where(options.Shard.Contains).ToList();
        var fetcher = new HubFetcher(options.Endpoint, options.Token);
        var discussions = new DiscussionScanner(reader, options.Token);
        using var progress = new HubProgressTracker(options.Progress, repositories.Count);
        await Parallel.ForEachAsync(
            repositories,
            new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken },
            async (repository, stop) =>
            {
                progress.Start(repository);
                var part = new ScanSink(sink.Policy);
                await ScanGitAsync(repository, fetcher, part, bytes => progress.Fetched(repository, bytes), stop).ConfigureAwait(false);
                if (options.Discussions)
                {
                    await discussions.ScanAsync(repository, part, stop).ConfigureAwait(false);
                }

                sink.Include(part.ToReport(), f => Attribute(repository, f), path => path.Length == 0 ? repository.WebPath : $"{repository.WebPath}:{path}");
                progress.Finish(repository);
            }).ConfigureAwait(false);
    }

    private async Task ScanGitAsync(HubRepositoryId repository, HubFetcher fetcher, ScanSink part, Action<long> fetched, CancellationToken cancellationToken)
    {
        string folder = options.CacheDirectory is { } cache
            ? Path.Combine(cache, repository.WebPath + ".git")
            : Directory.CreateTempSubdirectory("hfscan-hub-").FullName;
        bool temporary = options.CacheDirectory is null;
        bool removeWhenAbandoned = temporary;
        try
        {
            try
            {
                // An abandoned transfer may still write into its folder: that is removed once it ends.
                if (!await fetcher.FetchAsync(repository, folder, fetched, options.FetchStallTimeout, () => { if (removeWhenAbandoned) { TemporaryFolder.Delete(folder); } }, cancellationToken).ConfigureAwait(false))
                {
                    temporary = false;
                    part.Problem(new ScanProblem(ProblemKind.Network, string.Empty, $"Could not fetch {repository.WebPath}: nothing arrived for {options.FetchStallTimeout.TotalSeconds:0} s, given up."));
                    return;
                }
            }
            catch (LibGit2SharpException e)
            {
                part.Problem(new ScanProblem(ProblemKind.Network, string.Empty, $"Could not fetch {repository.WebPath}: {e.Message}"));
                return;
            }

            try
            {
                await new HistorySource(folder, new HistoryScanOptions()).ScanAsync(part, cancellationToken).ConfigureAwait(false);
                part.CountLfsPointers(LfsPointers.Count(folder, cancellationToken));
            }
            catch (Exception e) when (e is LibGit2SharpException or InputException or IOException or InvalidDataException)
            {
                part.Problem(new ScanProblem(ProblemKind.CorruptObject, string.Empty, $"Could not read the fetched {repository.WebPath}: {e.Message}"));
            }
        }
        finally
        {
            if (temporary)
            {
                TemporaryFolder.Delete(folder);
            }
        }
    }

    /// <summary>A finding of the repository's git content, with the repository and the page that shows it: the file at its commit, or the commit for a message.</summary>
    private Finding Attribute(HubRepositoryId repository, Finding finding)
    {
        if (finding.Repository is not null)
        {
            return finding;
        }

        string page = repository.WebPath;
        Uri web = finding.Commit?.CommitId is not { } commit
            ? options.Endpoint.Combine(page)
            : IsMessage(finding.Path)
                ? options.Endpoint.Combine($"{page}/commit/{commit}")
                : options.Endpoint.Combine($"{page}/blob/{commit}/{string.Join('/', finding.Path.Split('/').Select(Uri.EscapeDataString))}");
        return finding with { Repository = repository.WebPath, WebUri = web };
    }

    private static bool IsMessage(string path) =>
        path == MessageSource.CommitMessageLabel || path.StartsWith(MessageSource.TagLabel(string.Empty)[..^1], StringComparison.Ordinal);

    /// <summary>Counts repositories done and bytes fetched, and reports them a few times a second.</summary>
    private sealed class HubProgressTracker : IDisposable
    {
        private readonly ConcurrentDictionary<HubRepositoryId, long> _inFlight = new();
        private readonly Timer? _ticker;
        private readonly int _total;
        private long _finishedBytes;
        private int _done;

        public HubProgressTracker(IProgress<HubProgress>? progress, int total)
        {
            _total = total;
            _ticker = progress is null ? null : new Timer(_ => progress.Report(Snapshot()), null, 200, 200);
        }

        public void Start(HubRepositoryId repository) => _inFlight[repository] = 0;

        public void Fetched(HubRepositoryId repository, long bytes) => _inFlight[repository] = bytes;

        public void Finish(HubRepositoryId repository)
        {
            if (_inFlight.TryRemove(repository, out long bytes))
            {
                Interlocked.Add(ref _finishedBytes, bytes);
            }

            Interlocked.Increment(ref _done);
        }

        public void Dispose() => _ticker?.Dispose();

        private HubProgress Snapshot()
        {
            var current = _inFlight.ToArray();
            return new HubProgress(Volatile.Read(ref _done), _total, current.Length == 0 ? null : current[0].Key.WebPath, Interlocked.Read(ref _finishedBytes) + current.Sum(c => c.Value));
        }
    }
}
