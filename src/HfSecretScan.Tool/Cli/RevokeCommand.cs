using System.CommandLine;
using System.Net;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.Reporting;
using HfSecretScan.Sources;
using HfSecretScan.Verification;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// <c>hf-scan revoke [PATH...]</c>: finds tokens like <c>scan</c> (or reads them with <c>--stdin</c>),
/// shows them redacted with where they are, asks, and revokes them at Hugging Face. Revocation
/// needs no authentication, so leaked tokens of other people can be revoked too.
/// Exit code 0: revoked (or nothing found); 1: declined; 2: incomplete input or revocation failed.
/// </summary>
internal static class RevokeCommand
{
    // Hugging Face documents no limit on one request; batches keep each body modest.
    private const int BatchSize = 100;

    public static Command Create(CliConsole console)
    {
        var walk = new WalkOptions();
        var verify = new VerifyOptions();
        var yes = new Option<bool>("--yes", "-y") { Description = "Revoke without asking (for automation)." };
        var stdin = new Option<bool>("--stdin") { Description = "Read the tokens from standard input, one per line, instead of scanning." };
        var command = new Command("revoke", "Find tokens (like scan) or read them (--stdin), show them, and revoke them at Hugging Face after confirmation.");
        walk.AddTo(command);
        command.Options.Add(yes);
        command.Options.Add(stdin);
        verify.AddTo(command, endpointAlwaysUsed: true);
        command.Validators.Add(result =>
        {
            var paths = result.GetValue(walk.Paths) ?? [];
            if (result.GetValue(stdin) && paths.Length > 0)
            {
                result.AddError("--stdin reads tokens instead of scanning: give no PATH with it.");
            }
            else if (!result.GetValue(yes) && (result.GetValue(stdin) || paths.Contains("-")))
            {
                result.AddError("Standard input carries the tokens, so revoke cannot ask for confirmation there: add --yes.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            // A baseline accepts a finding for scanning; it does not make the token safe, so revoke ignores it.
            var request = parse.GetValue(stdin)
                ? new ScanRequest { Start = ".", Sources = [new TokenListSource(console.OpenInput)] }
                : walk.Request(parse, console);
            var report = await ScanPipeline.Open(request with { UseBaseline = false, Stages = verify.Stages(parse, console) }).RunAsync(cancellationToken).ConfigureAwait(false);
            foreach (var problem in report.Problems)
            {
                await console.Error.WriteLineAsync($"error: {DisplayText.Quote(problem.Path)}: {DisplayText.Quote(problem.Message)}").ConfigureAwait(false);
            }

            var tokens = report.Findings.GroupBy(f => f.Secret).ToList();
            if (tokens.Count == 0)
            {
                await console.Out.WriteLineAsync("No tokens found: nothing to revoke.").ConfigureAwait(false);
                return report.IsComplete ? ExitCodes.Clean : ExitCodes.Incomplete;
            }

            var endpoint = verify.Api.ResolveEndpoint(parse);
            await ListAsync(tokens, endpoint, console).ConfigureAwait(false);
            if (!parse.GetValue(yes) && !await ConfirmAsync(tokens.Count, console, cancellationToken).ConfigureAwait(false))
            {
                await console.Out.WriteLineAsync("Nothing revoked.").ConfigureAwait(false);
                return ExitCodes.Findings;
            }

            bool revoked = await RevokeAsync([.. tokens.Select(g => g.Key)], endpoint, console, cancellationToken).ConfigureAwait(false);
            return revoked && report.IsComplete ? ExitCodes.Clean : ExitCodes.Incomplete;
        });
        return command;
    }

    private static async Task ListAsync(List<IGrouping<Secret, Finding>> tokens, HfEndpoint endpoint, CliConsole console)
    {
        await console.Out.WriteLineAsync($"{tokens.Count} token(s) to revoke at {endpoint}:").ConfigureAwait(false);
        foreach (var token in tokens)
        {
            string verdict = token.First().Verification is { } v ? $" [{VerificationText.Summary(v)}]" : string.Empty;
            await console.Out.WriteLineAsync($"  {token.Key.Redacted}{verdict}").ConfigureAwait(false);
            await console.Out.WriteLineAsync("    found at " + string.Join(", ", token.Select(FindingText.Location))).ConfigureAwait(false);
        }
    }

    private static async Task<bool> ConfirmAsync(int count, CliConsole console, CancellationToken cancellationToken)
    {
        await console.Error.WriteAsync($"Revoke these {count} token(s)? Whatever uses them stops working; this cannot be undone. [y/N] ").ConfigureAwait(false);
        using var reader = new StreamReader(console.OpenInput());
        string answer = (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty).Trim();
        return answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> RevokeAsync(IReadOnlyList<Secret> tokens, HfEndpoint endpoint, CliConsole console, CancellationToken cancellationToken)
    {
        using var client = new HfApiClient(endpoint);
        int accepted = 0;
        foreach (var batch in tokens.Chunk(BatchSize))
        {
            string? failure;
            try
            {
                var status = await client.RevokeAsync(batch, cancellationToken).ConfigureAwait(false);
                failure = status == HttpStatusCode.Accepted ? null : $"Hugging Face answered HTTP {(int)status} instead of 202";
            }
            catch (HttpRequestException e)
            {
                failure = "network error: " + e.Message;
            }

            if (failure is not null)
            {
                await console.Error.WriteLineAsync($"error: revoking {batch.Length} token(s) failed ({Secret.RedactAll(failure)}); they may still work.").ConfigureAwait(false);
                continue;
            }

            accepted += batch.Length;
        }

        if (accepted > 0)
        {
            await console.Out.WriteLineAsync($"Hugging Face accepted the revocation of {accepted} token(s) (HTTP 202). It does not say whether a token existed; `dotnet hf-scan verify` tells whether one still works.").ConfigureAwait(false);
        }

        return accepted == tokens.Count;
    }
}
