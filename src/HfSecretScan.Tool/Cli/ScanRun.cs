using System.CommandLine;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Tool.Cli;

/// <summary>What every reporting command does once it has turned its options into a request: run the pipeline, write the report, give the exit code.</summary>
internal static class ScanRun
{
    public static async Task<int> ExecuteAsync(ScanRequest request, ParseResult parse, ReportOptions report, CliConsole console, CancellationToken cancellationToken, Action? beforeReport = null)
    {
        var pipeline = ScanPipeline.Open(report.Layers.Apply(request, parse));
        var result = await pipeline.RunAsync(cancellationToken).ConfigureAwait(false);
        beforeReport?.Invoke();
        return report.Write(parse, result, pipeline.Root, console);
    }
}
