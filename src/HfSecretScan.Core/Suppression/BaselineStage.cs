using HfSecretScan.Findings;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Suppression;

/// <summary>Drops the findings a baseline accepts and counts them.</summary>
public sealed class BaselineStage(Baseline baseline) : IReportStage
{
    /// <inheritdoc />
    public Task<ScanReport> ApplyAsync(ScanReport report, CancellationToken cancellationToken)
    {
        var kept = baseline.Filter(report.Findings, out int suppressed);
        return Task.FromResult(report with { Findings = kept, SuppressedByBaseline = report.SuppressedByBaseline + suppressed });
    }
}
