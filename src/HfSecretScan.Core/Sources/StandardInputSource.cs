using System.Diagnostics;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Scanning;

namespace HfSecretScan.Sources;

/// <summary>Scans a one-pass stream (standard input), spooled so that tokens can be located.</summary>
public static class StandardInputSource
{
    /// <summary>How findings in standard input are named.</summary>
    public const string DisplayName = "<stdin>";

    /// <summary>Reads <paramref name="input"/> to the end and scans it.</summary>
    public static async Task<ScanReport> ScanAsync(Stream input, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var content = await SpooledContent.FromStreamAsync(input, cancellationToken: cancellationToken).ConfigureAwait(false);
        var scan = new ContentScanner().Scan(content);
        return new ScanReport
        {
            Findings = [.. scan.Reported.Select(t => FindingFactory.Create(t, DisplayName))],
            SuppressedByComment = scan.AllowedCount,
            ItemsScanned = 1,
            BytesScanned = scan.Length,
            Elapsed = clock.Elapsed,
        };
    }
}
