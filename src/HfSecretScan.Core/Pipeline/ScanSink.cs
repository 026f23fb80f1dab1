using System.Collections.Concurrent;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Scanning;
using HfSecretScan.Sources;
using HfSecretScan.Suppression;

namespace HfSecretScan.Pipeline;

/// <summary>
/// Where every source of one run delivers what it read: contents to detect tokens in, findings it
/// attributed itself, problems and skipped entries. The only place a run counts items, bytes and
/// allow-comment suppressions; sources ask it (or its <see cref="Policy"/>) whether a path is
/// admitted. Thread-safe: sources scan on many workers at once.
/// </summary>
public sealed class ScanSink
{
    private readonly ConcurrentBag<Finding> _findings = [];
    private readonly ConcurrentBag<ScanProblem> _problems = [];
    private readonly ConcurrentBag<SkippedEntry> _skipped = [];
    private long _items;
    private long _bytes;
    private int _allowed;
    private long _lfsPointers;

    /// <summary>Creates a sink applying <paramref name="policy"/>.</summary>
    public ScanSink(ScanPolicy policy) => Policy = policy;

    /// <summary>The run's project root, globs and ignore setting.</summary>
    public ScanPolicy Policy { get; }

    /// <summary>Contents scanned so far.</summary>
    public long ItemsScanned => Interlocked.Read(ref _items);

    /// <summary>Bytes scanned so far.</summary>
    public long BytesScanned => Interlocked.Read(ref _bytes);

    /// <summary>Problems met so far.</summary>
    public int ProblemCount => _problems.Count;

    /// <summary>
    /// Whether the content named <paramref name="path"/> (relative to the project root, forward
    /// slashes; in history, the path in the commit) is to be scanned. Sources ask before reading, so
    /// that an excluded file costs nothing.
    /// </summary>
    public bool Admits(string path) => Policy.Admits(path);

    /// <summary>A scanner for one worker, decoding and opening containers as the run's policy says.</summary>
    public ContentScanner CreateScanner() => new(Policy.Layers);

    /// <summary>Detects tokens in <paramref name="content"/> with the caller's (per-worker) scanner and records them as found at <paramref name="path"/>.</summary>
    public void Scan(ContentScanner scanner, IScanContent content, string path, CommitOrigin? origin = null)
    {
        var scan = scanner.Scan(content);
        Count(scan);
        foreach (var problem in scan.Problems)
        {
            Problem(problem.At(path));
        }

        // Nearly every content holds no token: no enumerator for those, on every file of every build.
        if (scan.Tokens.Count == 0)
        {
            return;
        }

        foreach (var token in scan.Reported)
        {
            Add(FindingFactory.Create(token, path, origin));
        }
    }

    /// <summary>Counts a content that was scanned; its findings come through <see cref="Add"/> once the source knows where they are (history attributes blobs after the walk).</summary>
    public void Count(ContentScan scan)
    {
        Interlocked.Increment(ref _items);
        Interlocked.Add(ref _bytes, scan.Length);
        if (scan.Tokens.Count > 0)
        {
            Interlocked.Add(ref _allowed, scan.AllowedCount);
        }
    }

    /// <summary>Counts large files a source saw only as Git LFS pointers and did not download.</summary>
    public void CountLfsPointers(long count) => Interlocked.Add(ref _lfsPointers, count);

    /// <summary>
    /// Takes in what a nested run found (one repository of a Hub audit, scanned into a sink of its
    /// own): its counts, its findings re-attributed by <paramref name="attribute"/>, its problems and
    /// skipped entries with their paths named by <paramref name="attributePath"/>.
    /// </summary>
    public void Include(ScanReport part, Func<Finding, Finding> attribute, Func<string, string> attributePath)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(attributePath);
        Interlocked.Add(ref _items, part.ItemsScanned);
        Interlocked.Add(ref _bytes, part.BytesScanned);
        Interlocked.Add(ref _allowed, part.SuppressedByComment);
        Interlocked.Add(ref _lfsPointers, part.LfsPointersNotScanned);
        foreach (var finding in part.Findings)
        {
            Add(attribute(finding));
        }

        foreach (var problem in part.Problems)
        {
            Problem(problem with { Path = attributePath(problem.Path) });
        }

        foreach (var skipped in part.Skipped)
        {
            Skip(skipped with { Path = attributePath(skipped.Path) });
        }
    }

    /// <summary>Records a finding.</summary>
    public void Add(Finding finding) => _findings.Add(finding);

    /// <summary>Records something that could not be scanned.</summary>
    public void Problem(ScanProblem problem) => _problems.Add(problem);

    /// <summary>Records an entry deliberately not read.</summary>
    public void Skip(SkippedEntry entry) => _skipped.Add(entry);

    /// <summary>Everything delivered so far, in the order every reporter expects: findings by path then position, problems (one per path) and skipped entries by path.</summary>
    public ScanReport ToReport()
    {
        var findings = _findings.ToList();
        findings.Sort(Finding.Compare);
        return new ScanReport
        {
            Findings = findings,
            // One problem per object: two readers (a catalog and a walk, say) may meet the same broken one.
            Problems = [.. _problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal).DistinctBy(p => p.Path)],
            Skipped = [.. _skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Reason, StringComparer.Ordinal)],
            ItemsScanned = ItemsScanned,
            BytesScanned = BytesScanned,
            SuppressedByComment = Volatile.Read(ref _allowed),
            LfsPointersNotScanned = Interlocked.Read(ref _lfsPointers),
        };
    }
}
