using System.CommandLine;
using HfSecretScan.Git.Repositories.Staged;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>hf-scan staged [PATH]</c>: what the next commit would contain, read from the index.</summary>
internal static class StagedCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A folder in the repository (default: the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var report = new ReportOptions();
        var command = new Command("staged", "Scan what the next commit would contain: staged files added or changed since HEAD, as staged (not as on disk).");
        command.Arguments.Add(path);
        report.AddTo(command);
        var verify = new VerifyOptions();
        verify.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            string folder = parse.GetValue(path)!;
            var request = new ScanRequest
            {
                Start = folder,
                Sources = [new StagedSource(folder)],
                Baseline = parse.GetValue(report.Baseline),
                Stages = verify.Stages(parse, console),
            };
            return ScanRun.ExecuteAsync(request, parse, report, console, cancellationToken);
        });
        return command;
    }
}
