using System.CommandLine;
using System.CommandLine.Parsing;
using HfSecretScan.Verification;

namespace HfSecretScan.Tool.Cli;

/// <summary>Where and how patiently to ask Hugging Face: <c>--hf-endpoint</c> and <c>--verify-timeout</c>.</summary>
internal sealed class HfApiOptions
{
    public Option<string?> Endpoint { get; } = new("--hf-endpoint")
    {
        HelpName = "URL",
        Description = $"Hugging Face endpoint tokens are sent to (default: ${HfEndpoint.EnvironmentVariable}, else {HfEndpoint.DefaultAddress}). HTTPS only, except on localhost.",
    };

    public Option<double> Timeout { get; } = new("--verify-timeout")
    {
        HelpName = "SECONDS",
        Description = "Seconds to wait for each answer from Hugging Face.",
        DefaultValueFactory = _ => 10,
    };

    public HfApiOptions() =>
        Timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 600))
            {
                result.AddError("--verify-timeout must be more than 0 and at most 600 seconds.");
            }
        });

    /// <summary>Adds the options; the endpoint is checked at parse time whenever <paramref name="endpointUsed"/> says the command will use it.</summary>
    public void AddTo(Command command, Func<CommandResult, bool> endpointUsed)
    {
        command.Options.Add(Endpoint);
        command.Options.Add(Timeout);
        command.Validators.Add(result =>
        {
            if (!endpointUsed(result))
            {
                return;
            }

            try
            {
                Resolve(result.GetValue(Endpoint));
            }
            catch (ArgumentException e)
            {
                result.AddError(e.Message);
            }
        });
    }

    /// <summary>The endpoint: <c>--hf-endpoint</c>, else <c>HF_ENDPOINT</c>, else the public Hub.</summary>
    /// <exception cref="ArgumentException">The endpoint breaks the HTTPS policy.</exception>
    public HfEndpoint ResolveEndpoint(ParseResult parse) => Resolve(parse.GetValue(Endpoint));

    public VerifierOptions VerifierOptions(ParseResult parse) => new() { Timeout = TimeSpan.FromSeconds(parse.GetValue(Timeout)) };

    private static HfEndpoint Resolve(string? option) =>
        HfEndpoint.Resolve(option, Environment.GetEnvironmentVariable(HfEndpoint.EnvironmentVariable));
}
