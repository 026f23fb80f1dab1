using System.CommandLine;
using HfSecretScan.Hub;
using HfSecretScan.Pipeline;
using HfSecretScan.Verification;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>hf-scan hub TARGET...</c>: audits owners' models, datasets and Spaces on the Hugging Face Hub, every ref and object, and their discussions.</summary>
internal static class HubCommand
{
    public static Command Create(CliConsole console)
    {
        var targets = new Argument<string[]>("TARGET")
        {
            Description = "An owner (user or organization: all its models, datasets and Spaces) or a repository: acme/model-x (a model), datasets/acme/data, spaces/acme/demo.",
            Arity = ArgumentArity.OneOrMore,
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            HelpName = "N",
            Description = "Repositories fetched and scanned at once.",
            DefaultValueFactory = _ => 4,
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is not (>= 1 and <= 64))
            {
                result.AddError("--jobs must be from 1 to 64.");
            }
        });
        var shard = new Option<string?>("--shard")
        {
            HelpName = "K/N",
            Description = "Audit only the K-th of N parts of the listed repositories (the same parts on every machine), to split an audit over a CI matrix.",
        };
        var noDiscussions = new Option<bool>("--no-discussions")
        {
            Description = "Do not scan discussions and pull-request comments.",
        };
        var cache = new Option<DirectoryInfo?>("--cache")
        {
            HelpName = "DIR",
            Description = "Keep fetched repositories in DIR, so that the next run fetches only what changed (default: temporary folders, removed afterwards).",
        };
        var quiet = new QuietOption();
        var report = new ReportOptions();
        var verify = new VerifyOptions();
        var command = new Command(
            "hub",
            "Audit the Hugging Face Hub: fetch every ref of each repository (refs/pr/* and refs/convert/* included) and scan its whole object database as history does, and its discussions. "
            + "A token in HF_TOKEN or the token file (HF_TOKEN_PATH, else $HF_HOME/token) lists and fetches private repositories; it is never printed.");
        command.Arguments.Add(targets);
        command.Options.Add(jobs);
        command.Options.Add(shard);
        command.Options.Add(noDiscussions);
        command.Options.Add(cache);
        command.Options.Add(quiet);
        report.AddTo(command);
        verify.AddTo(command, endpointAlwaysUsed: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var gate = new RateLimitGate(TimeProvider.System);
            var progress = quiet.ShowsProgress(parse, console) ? new HubProgressLine(console.Error) : null;
            var options = new HubAuditOptions
            {
                Targets = [.. (parse.GetValue(targets) ?? []).Select(HubTarget.Parse)],
                Endpoint = verify.Api.ResolveEndpoint(parse),
                Token = HubToken.Find(Environment.GetEnvironmentVariable),
                Jobs = parse.GetValue(jobs),
                Shard = parse.GetValue(shard) is { } part ? HubShard.Parse(part) : HubShard.All,
                Discussions = !parse.GetValue(noDiscussions),
                CacheDirectory = parse.GetValue(cache)?.FullName,
                Api = verify.Api.VerifierOptions(parse),
                Gate = gate,
                Progress = progress,
            };
            var request = new ScanRequest
            {
                Start = ".",
                Sources = [new HubSource(options)],
                Baseline = parse.GetValue(report.Baseline),
                Stages = verify.Stages(parse, console, gate),
            };
            return ScanRun.ExecuteAsync(request, parse, report, console, cancellationToken, () => progress?.Clear());
        });
        return command;
    }
}
