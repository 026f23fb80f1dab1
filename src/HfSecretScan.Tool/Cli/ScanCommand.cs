using System.CommandLine;
using HfSecretScan.Findings;
using HfSecretScan.Scanning;
using HfSecretScan.Sources;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>hf-scan scan [PATH...]</c>: files, folders and standard input.</summary>
internal static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var walk = new WalkOptions();
        var report = new ReportOptions();
        var command = new Command("scan", "Scan files and folders (default: the current folder) for Hugging Face tokens; - reads standard input.");
        walk.AddTo(command);
        report.AddTo(command);
        var verify = new VerifyOptions();
        verify.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (settings, result) = await RunAsync(parse, walk, parse.GetValue(report.Baseline), console, cancellationToken).ConfigureAwait(false);
            var verified = await verify.ApplyAsync(parse, settings.Finish(result), console, cancellationToken).ConfigureAwait(false);
            return report.Write(parse, verified, settings.Root, console);
        });
        return command;
    }

    /// <summary>Scans the paths a command names, standard input included; no baseline applied yet.</summary>
    public static async Task<(ProjectSettings Settings, ScanReport Report)> RunAsync(
        ParseResult parse, WalkOptions walk, string? baseline, CliConsole console, CancellationToken cancellationToken)
    {
        string[] paths = walk.GetPaths(parse);
        var files = paths.Where(p => p != "-").ToArray();
        var settings = ProjectSettings.Load(files.FirstOrDefault() ?? ".", baseline);
        var result = files.Length > 0
            ? PathScan.Run(walk.ToScanOptions(parse, files, baseline), settings, cancellationToken)
            : ScanReport.Empty;
        if (files.Length < paths.Length)
        {
            using var input = console.OpenInput();
            result = ScanReport.Combine(result, await StandardInputSource.ScanAsync(input, cancellationToken).ConfigureAwait(false));
        }

        return (settings, result);
    }
}
