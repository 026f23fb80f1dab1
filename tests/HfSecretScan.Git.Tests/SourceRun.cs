using HfSecretScan.Findings;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Git.Tests;

/// <summary>Runs one source through the pipeline, as the commands do.</summary>
internal static class SourceRun
{
    public static ScanReport Report(IScanSource source, string start, IReadOnlyList<string>? exclude = null) =>
        ScanPipeline.Open(new ScanRequest { Start = start, Sources = [source], Exclude = exclude ?? [] }).RunAsync().GetAwaiter().GetResult();
}
