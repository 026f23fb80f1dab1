using HfSecretScan.Findings;

namespace HfSecretScan.Pipeline;

/// <summary>A step the pipeline applies to the whole report after detection: the baseline, verification.</summary>
public interface IReportStage
{
    /// <summary>The report after this stage.</summary>
    Task<ScanReport> ApplyAsync(ScanReport report, CancellationToken cancellationToken);
}
