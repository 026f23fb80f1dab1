using System.Collections.Concurrent;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Sources;

namespace HfSecretScan.Scanning;

/// <summary>
/// Scans files in parallel on all cores, one <see cref="ContentScanner"/> per worker, and returns
/// results in a deterministic order whatever the scheduling.
/// </summary>
public static class FileSetScanner
{
    /// <summary>Scans every target; a file that cannot be read becomes a problem and the rest go on.</summary>
    public static FileSetScan Scan(IEnumerable<ScanTarget> targets, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        var findings = new ConcurrentBag<Finding>();
        var problems = new ConcurrentBag<ScanProblem>();
        var skipped = new ConcurrentBag<SkippedEntry>();
        long files = 0, bytes = 0;
        int allowed = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        Parallel.ForEach(
            targets,
            options,
            () => new ContentScanner(),
            (target, _, scanner) =>
            {
                var kind = FileKindProbe.Probe(target.FullPath);
                switch (kind)
                {
                    case FileKind.Missing:
                        problems.Add(new ScanProblem(target.Path, "File vanished or became inaccessible before it could be read."));
                        return scanner;
                    case FileKind.Special:
                        skipped.Add(new SkippedEntry(target.Path, "not a regular file (FIFO, socket or device)"));
                        return scanner;
                    case FileKind.SymbolicLink when !target.Explicit:
                        skipped.Add(new SkippedEntry(target.Path, "symbolic link (not followed)"));
                        return scanner;
                    case FileKind.Directory:
                        problems.Add(new ScanProblem(target.Path, "Expected a file but found a folder."));
                        return scanner;
                }

                try
                {
                    using var content = FileContent.Open(target.FullPath);
                    var result = scanner.Scan(content);
                    Interlocked.Increment(ref files);
                    Interlocked.Add(ref bytes, result.Length);
                    foreach (var token in result.Tokens)
                    {
                        if (token.Allowed)
                        {
                            Interlocked.Increment(ref allowed);
                        }
                        else
                        {
                            findings.Add(FindingFactory.Create(token, target.Path));
                        }
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new ScanProblem(target.Path, Describe(e)));
                }

                return scanner;
            },
            _ => { });

        var sortedFindings = findings.ToList();
        sortedFindings.Sort(Finding.Compare);
        return new FileSetScan
        {
            Findings = sortedFindings,
            Problems = [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal)],
            Skipped = [.. skipped.OrderBy(p => p.Path, StringComparer.Ordinal)],
            FilesScanned = files,
            BytesScanned = bytes,
            SuppressedByComment = allowed,
        };
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "File vanished before it could be read.",
        UnauthorizedAccessException => "Permission denied.",
        _ => "Read failed: " + e.Message,
    };
}
