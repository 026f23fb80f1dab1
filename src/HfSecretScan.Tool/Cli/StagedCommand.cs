using System.CommandLine;
using HfSecretScan.Git.Repositories.Staged;
using HfSecretScan.Scanning;
using HfSecretScan.Sources;

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
        command.SetAction((parse, cancellationToken) => GitCommand.RunAsync(console, async () =>
        {
            string folder = parse.GetValue(path)!;
            var settings = ProjectSettings.Load(folder, parse.GetValue(report.Baseline));
            var verified = await verify.ApplyAsync(parse, settings.Finish(StagedScanner.Scan(folder, new PathFilter(settings.Config.Include, settings.Config.Exclude), cancellationToken)), console, cancellationToken).ConfigureAwait(false);
            return report.Write(parse, verified, settings.Root, console);
        }));
        return command;
    }
}
