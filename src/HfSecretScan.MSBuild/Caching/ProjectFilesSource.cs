using HfSecretScan.Findings;
using HfSecretScan.MSBuild.Selection;
using HfSecretScan.Pipeline;

namespace HfSecretScan.MSBuild.Caching;

/// <summary>
/// The project's items as a source of the pipeline: chosen with the run's globs, changed files read
/// again, unchanged ones answered from the build cache, whose findings carry fingerprints only.
/// </summary>
/// <param name="itemPaths">The items, full or relative to the project folder.</param>
/// <param name="selection">Chooses the files to scan among the items under the run's policy.</param>
/// <param name="cache">What earlier builds found under the run's policy (a cache written under other layer settings is stale).</param>
internal sealed class ProjectFilesSource(IEnumerable<string> itemPaths, Func<Suppression.ScanPolicy, ProjectFileSelection> selection, Func<Suppression.ScanPolicy, ScanCache> cache) : IScanSource
{
    private readonly Dictionary<string, string> _fullPaths = new(StringComparer.Ordinal);

    /// <summary>The files chosen, once scanned.</summary>
    public IReadOnlyList<ProjectFile> Files { get; private set; } = [];

    /// <summary>What the incremental scan did, once scanned.</summary>
    public IncrementalScanResult? Result { get; private set; }

    /// <summary>Where the file a finding names is on disk, for the build's <c>file(line,col)</c>.</summary>
    public string FullPathOf(Finding finding) => _fullPaths.GetValueOrDefault(finding.OuterPath) ?? finding.OuterPath;

    /// <inheritdoc />
    public Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Files = selection(sink.Policy).Select(itemPaths);
        Result = IncrementalScan.Run(Files, cache(sink.Policy), sink.Policy);
        foreach (var file in Files)
        {
            foreach (var cached in Result.Cache.Find(file.FullPath)?.Findings ?? [])
            {
                var finding = cached.ToFinding(file.RootPath);
                _fullPaths[finding.OuterPath] = file.FullPath;
                sink.Add(finding);
            }
        }

        foreach (var problem in Result.Problems)
        {
            sink.Problem(problem);
        }

        foreach (var skipped in Result.Skipped)
        {
            sink.Skip(skipped);
        }

        return Task.CompletedTask;
    }
}
