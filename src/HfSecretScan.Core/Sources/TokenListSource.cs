using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.Verification;

namespace HfSecretScan.Sources;

/// <summary>
/// Tokens given one per line (<c>revoke --stdin</c>): each line that is exactly one token becomes a
/// finding at its line; any other line is an input problem, so nothing is dropped silently.
/// </summary>
/// <param name="open">Opens the stream; called once, when the source is scanned.</param>
public sealed class TokenListSource(Func<Stream> open) : IScanSource
{
    /// <inheritdoc />
    public async Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var reader = new StreamReader(open());
        var (tokens, rejected) = await TokenInput.ReadLinesAsync(reader, cancellationToken).ConfigureAwait(false);
        foreach (var (line, token) in tokens)
        {
            sink.Add(new Finding { Rule = token.Rule, Secret = token, Path = StandardInputSource.DisplayName, Line = line, Column = 1 });
        }

        foreach (int line in rejected)
        {
            sink.Problem(new ScanProblem(ProblemKind.Input, $"{StandardInputSource.DisplayName}:{line}", "not a Hugging Face token on its own; line skipped"));
        }
    }
}
