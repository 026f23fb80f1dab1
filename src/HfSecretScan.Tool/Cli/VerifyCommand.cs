using System.CommandLine;
using HfSecretScan.Findings;
using HfSecretScan.Reporting;
using HfSecretScan.Verification;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// <c>hf-scan verify</c>: reads one token from standard input (an argument would land in shell
/// history) and prints what it can access, in the words of <c>scan --verify</c>.
/// Exit code 0: live; 1: invalid; 2: could not tell, or the input is not one token.
/// </summary>
internal static class VerifyCommand
{
    public const int Live = 0;
    public const int Invalid = 1;

    // Generous for one token with a line ending, small enough that a file piped in by mistake is refused unread.
    private const int MaxInputChars = 1024;

    public static Command Create(CliConsole console)
    {
        var api = new HfApiOptions();
        var command = new Command("verify", "Read one token from standard input and print whether it is live and what it can access.");
        api.AddTo(command, _ => true);

        // Accepted only to refuse it without echoing it: a parse error would print the token whole.
        var misplaced = new Argument<string[]>("TOKEN") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        command.Arguments.Add(misplaced);
        command.Validators.Add(result =>
        {
            if (result.GetValue(misplaced) is { Length: > 0 })
            {
                result.AddError("verify reads the token from standard input, never from an argument (arguments land in shell history and process lists): printf '%s' \"$HF_TOKEN\" | dotnet hf-scan verify");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var token = await ReadTokenAsync(console, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                await console.Error.WriteLineAsync("error: standard input is not one Hugging Face token (hf_… or api_org_…, alone on its line).").ConfigureAwait(false);
                return ExitCodes.Incomplete;
            }

            using var client = new HfApiClient(api.ResolveEndpoint(parse));
            var verdicts = await new TokenVerifier(client, api.VerifierOptions(parse)).VerifyAsync([token], cancellationToken).ConfigureAwait(false);
            var verdict = verdicts[token];
            await console.Out.WriteLineAsync($"{token.Redacted}: {VerificationText.Summary(verdict)}").ConfigureAwait(false);
            foreach (string detail in VerificationText.Details(verdict))
            {
                await console.Out.WriteLineAsync("    " + detail).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync(Remediation.ForToken(verdict)).ConfigureAwait(false);
            return verdict.Status switch
            {
                TokenStatus.Live => Live,
                TokenStatus.Invalid => Invalid,
                _ => ExitCodes.Incomplete,
            };
        });
        return command;
    }

    private static async Task<Secret?> ReadTokenAsync(CliConsole console, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(console.OpenInput());
        var buffer = new char[MaxInputChars + 1];
        int read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
        return read <= MaxInputChars && TokenInput.TryParse(new string(buffer, 0, read), out var token) ? token : null;
    }
}
