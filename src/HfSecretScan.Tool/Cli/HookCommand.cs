using System.CommandLine;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Git.Repositories.Hooks;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>hf-scan hook install|uninstall</c>, and the hidden <c>hook pre-push</c> the installed pre-push hook calls.</summary>
internal static class HookCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("hook", "Install or remove git hooks that stop a token before it is committed or pushed.");
        command.Subcommands.Add(Install(console));
        command.Subcommands.Add(Uninstall(console));
        command.Subcommands.Add(PrePush(console));
        return command;
    }

    private static Command Install(CliConsole console)
    {
        var preCommit = new Option<bool>("--pre-commit") { Description = "Install the pre-commit hook (scans what is staged). The default." };
        var prePush = new Option<bool>("--pre-push") { Description = "Install the pre-push hook (scans what the pushed commits introduce)." };
        var command = new Command("install", "Install hooks in the folder git runs them from (core.hooksPath honoured); an existing hook is kept and runs first.");
        command.Options.Add(preCommit);
        command.Options.Add(prePush);
        command.SetAction(parse =>
        {
            var kinds = new List<HookKind>();
            if (parse.GetValue(preCommit) || !parse.GetValue(prePush))
            {
                kinds.Add(HookKind.PreCommit);
            }

            if (parse.GetValue(prePush))
            {
                kinds.Add(HookKind.PrePush);
            }

            foreach (string line in HookInstaller.Install(".", kinds, RecordedCommand()))
            {
                console.Out.WriteLine(line);
            }

            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command Uninstall(CliConsole console)
    {
        var command = new Command("uninstall", "Remove the hooks hf-scan installed and put back the hooks they chained.");
        command.SetAction(parse =>
        {
            var done = HookInstaller.Uninstall(".");
            console.Out.WriteLine(done.Count == 0 ? "No hf-scan hook is installed here." : string.Join(Environment.NewLine, done));
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command PrePush(CliConsole console)
    {
        var remote = new Argument<string>("REMOTE") { Description = "The remote's name, as git passes it." };
        var url = new Argument<string?>("URL") { Description = "The remote's URL, as git passes it.", Arity = ArgumentArity.ZeroOrOne };
        var report = new ReportOptions();
        var command = new Command("pre-push", "Scan what the pushed commits introduce; reads git's pre-push ref lines from standard input.") { Hidden = true };
        command.Arguments.Add(remote);
        command.Arguments.Add(url);
        report.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            PushedRefs pushed;
            using (var reader = new StreamReader(console.OpenInput()))
            {
                pushed = PushedRefs.Parse(reader, ".", parse.GetValue(remote)!);
            }

            if (pushed.Include.Count == 0)
            {
                return Task.FromResult(ExitCodes.Clean);
            }

            var request = new ScanRequest
            {
                Start = ".",
                Sources = [new HistorySource(".", new HistoryScanOptions { Include = pushed.Include, Exclude = pushed.Exclude })],
                Baseline = parse.GetValue(report.Baseline),
            };
            return ScanRun.ExecuteAsync(request, parse, report, console, cancellationToken);
        });
        return command;
    }

    /// <summary>The command line that runs this tool now, recorded in hooks as the last resort.</summary>
    private static string[] RecordedCommand()
    {
        string process = Environment.ProcessPath ?? "dotnet-hf-scan";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && typeof(HookCommand).Assembly.Location is { Length: > 0 } assembly
            ? [process, assembly]
            : [process];
    }
}
