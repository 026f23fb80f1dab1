using System.Diagnostics;
using HfSecretScan.Findings;
using HfSecretScan.Scanning;
using HfSecretScan.Suppression;

namespace HfSecretScan.Pipeline;

/// <summary>
/// The one way every entry point scans: sources → detection (in the <see cref="ScanSink"/>) →
/// suppression (allow comments, globs, baseline) → further stages (verification) → one report,
/// which the host hands to a reporter.
/// </summary>
public sealed class ScanPipeline
{
    private ScanPipeline(ScanRequest request, ScanPolicy policy)
    {
        Request = request;
        Policy = policy;
    }

    /// <summary>What was asked.</summary>
    public ScanRequest Request { get; }

    /// <summary>The rules the run applies.</summary>
    public ScanPolicy Policy { get; }

    /// <summary>The folder paths in the report are relative to.</summary>
    public string Root => Policy.Root;

    /// <summary>Resolves the project's settings for <paramref name="request"/>; nothing is read yet.</summary>
    public static ScanPipeline Open(ScanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = ProjectSettings.Load(request.Start, request.Baseline, request.UseBaseline);
        return new ScanPipeline(request, new ScanPolicy(settings, request.Include, request.Exclude, request.NoIgnore, request.MaxDecodeDepth, request.MaxArchiveDepth));
    }

    /// <summary>Runs the sources and the stages.</summary>
    /// <exception cref="InputException">A source cannot be opened at all.</exception>
    public async Task<ScanReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var sink = new ScanSink(Policy);
        foreach (var source in Request.Sources)
        {
            await source.ScanAsync(sink, cancellationToken).ConfigureAwait(false);
        }

        var report = sink.ToReport();
        report = report with { Problems = [.. Policy.Settings.Problems, .. report.Problems] };
        if (Policy.Baseline is { } baseline)
        {
            report = await new BaselineStage(baseline).ApplyAsync(report, cancellationToken).ConfigureAwait(false);
        }

        foreach (var stage in Request.Stages)
        {
            report = await stage.ApplyAsync(report, cancellationToken).ConfigureAwait(false);
        }

        return report with { Elapsed = clock.Elapsed };
    }
}
