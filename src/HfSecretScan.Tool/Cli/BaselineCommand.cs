using System.CommandLine;
using HfSecretScan.Pipeline;
using HfSecretScan.Reporting;
using HfSecretScan.Suppression;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>hf-scan baseline [PATH...] -o FILE</c>: records today's findings as accepted.</summary>
internal static class BaselineCommand
{
    public static Command Create(CliConsole console)
    {
        var walk = new WalkOptions();
        var layers = new LayerDepthOptions();
        var output = new Option<FileInfo>("--output", "-o")
        {
            HelpName = "FILE",
            Description = "Baseline file to write (fingerprints, rules and paths; never the secret).",
            Required = true,
        };
        var command = new Command("baseline", "Write the current findings to a baseline file, so later scans report only new ones.");
        walk.AddTo(command);
        layers.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The baseline records everything found now, so no existing baseline filters it.
            var request = layers.Apply(walk.Request(parse, console), parse) with { UseBaseline = false };
            var report = await ScanPipeline.Open(request).RunAsync(cancellationToken).ConfigureAwait(false);
            var file = parse.GetValue(output)!;
            AtomicFile.Write(file.FullName, Baseline.FromFindings(report.Findings).Save);
            foreach (var problem in report.Problems)
            {
                console.Error.WriteLine($"error: {DisplayText.Quote(problem.Path)}: {DisplayText.Quote(problem.Message)}");
            }

            console.Error.WriteLine($"Baseline with {report.Findings.Count} finding(s) written to {file.FullName}. {TextReporter.Summary(report)}");
            return report.IsComplete ? ExitCodes.Clean : ExitCodes.Incomplete;
        });
        return command;
    }
}
