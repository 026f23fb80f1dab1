using System.CommandLine;

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
        command.SetAction((parse, cancellationToken) =>
        {
            var request = walk.Request(parse, console) with { Baseline = parse.GetValue(report.Baseline), Stages = verify.Stages(parse, console) };
            return ScanRun.ExecuteAsync(request, parse, report, console, cancellationToken);
        });
        return command;
    }
}
