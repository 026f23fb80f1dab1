using System.CommandLine;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Git.Repositories.Hooks;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>hf-scan hook install|uninstall</c>, and the hidden <c>hook pre-push</c> and <c>hook pre-receive</c> the installed hooks call.</summary>
internal static class HookCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("hook", "Install or remove git hooks that stop a token before it is committed or pushed.");
        command.Subcommands.Add(Install(console));
        command.Subcommands.Add(Uninstall(console));
        command.Subcommands.Add(PrePush(console));
        command.Subcommands.Add(PreReceive(console));
        return command;
    }

    private static Command Install(CliConsole console)
    {
        var preCommit = new Option<bool>("--pre-commit") { Description = "Install the pre-commit hook (scans what is staged). The default." };
        var prePush = new Option<bool>("--pre-push") { Description = "Install the pre-push hook (scans what the pushed commits introduce)." };
        var preReceive = new Option<bool>("--pre-receive") { Description = "Install the server-side pre-receive hook in a bare repository (rejects a push that introduces a token)." };
        var command = new Command("install", "Install hooks in the folder git runs them from (core.hooksPath honoured); an existing hook is kept and runs first.");
        command.Options.Add(preCommit);
        command.Options.Add(prePush);
        command.Options.Add(preReceive);
        command.SetAction(parse =>
        {
            var kinds = new List<HookKind>();
            if (parse.GetValue(preCommit) || (!parse.GetValue(prePush) && !parse.GetValue(preReceive)))
            {
                kinds.Add(HookKind.PreCommit);
            }

            if (parse.GetValue(prePush))
            {
                kinds.Add(HookKind.PrePush);
            }

            if (parse.GetValue(preReceive))
            {
                kinds.Add(HookKind.PreReceive);
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

    private static Command PreReceive(CliConsole console)
    {
        var report = new ReportOptions();
        var command = new Command("pre-receive", "Scan what a received push introduces; reads git's pre-receive ref lines from standard input.") { Hidden = true };
        report.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            ReceivedRefs received;
            using (var reader = new StreamReader(console.OpenInput()))
            {
                received = ReceivedRefs.Parse(reader, ".");
            }

            if (received.Include.Count == 0)
            {
                return ExitCodes.Clean;
            }

            var options = new HistoryScanOptions
            {
                Include = received.Include,
                Exclude = received.Exclude,
                FirstObjectDirectories = Quarantine.ObjectDirectories(Environment.GetEnvironmentVariable),
            };

            // The configuration and baseline are the server's (beside the bare repository's objects),
            // never the pushed tree's: a pusher must not be able to exclude their own token.
            var request = new ScanRequest
            {
                Start = ".",
                Sources = [new HistorySource(".", options)],
                Baseline = parse.GetValue(report.Baseline),
            };
            int code = await ScanRun.ExecuteAsync(request, parse, report, console, cancellationToken).ConfigureAwait(false);
            if (code != ExitCodes.Clean)
            {
                await console.Error.WriteLineAsync(code == ExitCodes.Findings
                    ? "hf-scan: push rejected: it introduces the Hugging Face tokens above. Revoke them, remove them from these commits (rewrite them), and push again."
                    : "hf-scan: push rejected: what it introduces could not all be scanned (see above).").ConfigureAwait(false);
            }

            return code;
        });
        return command;
    }

    /// <summary>The command line that runs this tool now, recorded in hooks as the last resort.</summary>
    internal static string[] RecordedCommand()
    {
        // Run by `dotnet exec` (or `dotnet run`), the tool's assembly is in the application's folder;
        // a native build (the apphost, Native AOT) is the process itself and has no assembly file.
        string process = Environment.ProcessPath ?? "dotnet-hf-scan";
        string assembly = Path.Combine(AppContext.BaseDirectory, typeof(HookCommand).Assembly.GetName().Name + ".dll");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && File.Exists(assembly)
            ? [process, assembly]
            : [process];
    }
}
