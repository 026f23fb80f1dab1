using System.CommandLine;
using HfSecretScan.Pipeline;
using HfSecretScan.Reporting;

namespace HfSecretScan.Tool.Cli;

/// <summary>What every reporting command does once it has turned its options into a request: run the pipeline, write the report, give the exit code.</summary>
internal static class ScanRun
{
    public static async Task<int> ExecuteAsync(ScanRequest request, ParseResult parse, ReportOptions report, CliConsole console, CancellationToken cancellationToken, Action? beforeReport = null)
    {
        var pipeline = ScanPipeline.Open(report.Layers.Apply(request, parse));
        var result = await pipeline.RunAsync(cancellationToken).ConfigureAwait(false);
        beforeReport?.Invoke();
        return report.Write(parse, result, Context(pipeline.Root, console), console);
    }

    /// <summary>What every format may need besides the report; colour is decided where it is written.</summary>
    private static ReportContext Context(string projectRoot, CliConsole console) => new(projectRoot, ToolVersion.Current)
    {
        RepositoryRoot = Suppression.ProjectRoot.RepositoryTop(projectRoot),
        FinishedAt = DateTimeOffset.UtcNow,
        StepSummaryPath = console.Variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary ? summary : null,
    };
}
