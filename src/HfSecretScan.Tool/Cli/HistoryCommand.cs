using System.CommandLine;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>hf-scan history [REPO] [REV1..REV2]</c>: every blob and message git holds, or what a range introduced.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var targets = new Argument<string[]>("REPO")
        {
            Description = "The repository (default: the current folder), and optionally a range REV1..REV2 to scan only what its commits introduce.",
            Arity = new ArgumentArity(0, 2),
        };
        var since = new Option<string?>("--since")
        {
            HelpName = "REV",
            Description = "Scan only what the commits after REV up to HEAD introduce (REV..HEAD), e.g. the base of a pull request.",
        };
        var submodules = new Option<bool>("--recurse-submodules")
        {
            Description = "Scan the history of each cloned submodule too (each is a repository of its own).",
        };
        var quiet = new QuietOption();
        var purgePlan = new PurgePlanOption();
        var report = new ReportOptions();
        var command = new Command("history", "Scan all of git history: every blob once (reachable, reflog-only or dangling), commit and tag messages.");
        command.Arguments.Add(targets);
        command.Options.Add(since);
        command.Options.Add(submodules);
        command.Options.Add(quiet);
        command.Options.Add(purgePlan.File);
        report.AddTo(command);
        var verify = new VerifyOptions();
        verify.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            string repository = ".";
            string? range = null;
            foreach (string target in parse.GetValue(targets) ?? [])
            {
                if (target.Contains("..", StringComparison.Ordinal) && !Directory.Exists(target))
                {
                    range = target;
                }
                else
                {
                    repository = target;
                }
            }

            var options = new HistoryScanOptions
            {
                RecurseSubmodules = parse.GetValue(submodules),
                Progress = quiet.ShowsProgress(parse, console) ? new ProgressLine(console.Error) : null,
            };
            if (Range(range, parse.GetValue(since)) is not { } revisions)
            {
                console.Error.WriteLine("error: give either --since REV or REV1..REV2, not both.");
                return Task.FromResult(ExitCodes.Incomplete);
            }

            options = options with { Include = revisions.Include, Exclude = revisions.Exclude };
            var request = new ScanRequest
            {
                Start = repository,
                Sources = [new HistorySource(repository, options)],
                Baseline = parse.GetValue(report.Baseline),
                Stages = verify.Stages(parse, console),
            };
            return ScanRun.ExecuteAsync(
                request, parse, report, console, cancellationToken, () => (options.Progress as ProgressLine)?.Clear(), (result, root) => purgePlan.Write(parse, result, root, console));
        });
        return command;
    }

    /// <summary>The include and exclude revisions of <c>A..B</c> or <c>--since A</c>; empty for the whole history; null when both are given.</summary>
    private static (string[] Include, string[] Exclude)? Range(string? range, string? since)
    {
        if (range is not null && since is not null)
        {
            return null;
        }

        if (since is not null)
        {
            return (["HEAD"], [since]);
        }

        if (range is null)
        {
            return ([], []);
        }

        int dots = range.IndexOf("..", StringComparison.Ordinal);
        string from = range[..dots];
        string to = range[(dots + 2)..];
        return ([to.Length == 0 ? "HEAD" : to], from.Length == 0 ? [] : [from]);
    }
}
