using System.CommandLine;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.Reporting;

namespace HfSecretScan.Tool.Cli;

/// <summary>What every reporting command does once it has turned its options into a request: run the pipeline, write the report, give the exit code.</summary>
internal static class ScanRun
{
    /// <summary>Runs <paramref name="request"/> and writes its report; <paramref name="afterReport"/> then gets the report and the project root (a purge plan, say).</summary>
    public static async Task<int> ExecuteAsync(
        ScanRequest request, ParseResult parse, ReportOptions report, CliConsole console, CancellationToken cancellationToken, Action? beforeReport = null, Action<ScanReport, string>? afterReport = null)
    {
        var pipeline = ScanPipeline.Open(report.Layers.Apply(request, parse));
        var result = await pipeline.RunAsync(cancellationToken).ConfigureAwait(false);
        beforeReport?.Invoke();
        int exitCode = report.Write(parse, result, Context(pipeline.Root, console), console);
        afterReport?.Invoke(result, pipeline.Root);
        return exitCode;
    }

    /// <summary>What every format may need besides the report; colour is decided where it is written.</summary>
    private static ReportContext Context(string projectRoot, CliConsole console) => new(projectRoot, ToolVersion.Current)
    {
        RepositoryRoot = Suppression.ProjectRoot.RepositoryTop(projectRoot),
        FinishedAt = DateTimeOffset.UtcNow,
        StepSummaryPath = console.Variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary ? summary : null,
    };
}
