using System.CommandLine;
using HfSecretScan.Pipeline;
using HfSecretScan.Verification;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// <c>--verify</c> with its endpoint options, for any command that reports findings: one
/// <see cref="AddTo"/> when building the command, one <see cref="Stages"/> for its pipeline.
/// </summary>
internal sealed class VerifyOptions
{
    public Option<bool> Verify { get; } = new("--verify")
    {
        Description = "Ask Hugging Face whether each distinct token is live and what it can do (sends each token, over HTTPS, to the endpoint only).",
    };

    public HfApiOptions Api { get; } = new();

    /// <param name="command">The command to add the options to.</param>
    /// <param name="endpointAlwaysUsed">True when the command talks to Hugging Face even without <c>--verify</c> (revoke).</param>
    public void AddTo(Command command, bool endpointAlwaysUsed = false)
    {
        command.Options.Add(Verify);
        Api.AddTo(command, result => endpointAlwaysUsed || result.GetValue(Verify) || result.GetResult(Api.Endpoint) is not null);
    }

    /// <summary>The verification stage when <c>--verify</c> is on; none otherwise.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="console">Where the stage announces what it sends.</param>
    /// <param name="gate">The run's rate-limit gate when the command also reads the Hub (hub); null for a gate of its own.</param>
    public IReadOnlyList<IReportStage> Stages(ParseResult parse, CliConsole console, RateLimitGate? gate = null) =>
        parse.GetValue(Verify)
            ? [new VerificationStage(Api.ResolveEndpoint(parse), Api.VerifierOptions(parse), console.Error.WriteLine, gate)]
            : [];
}
