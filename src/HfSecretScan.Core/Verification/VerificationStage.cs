using System.Globalization;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Verification;

/// <summary>
/// Asks Hugging Face about each distinct token left after suppression and attaches the verdicts.
/// Runs after the baseline, so accepted findings are never sent anywhere.
/// </summary>
/// <param name="endpoint">Where to ask.</param>
/// <param name="options">Timeouts and parallelism.</param>
/// <param name="announce">Told, before any token leaves the machine, how many go where; null says nothing.</param>
public sealed class VerificationStage(HfEndpoint endpoint, VerifierOptions options, Action<string>? announce = null) : IReportStage
{
    /// <inheritdoc />
    public async Task<ScanReport> ApplyAsync(ScanReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Findings.Count == 0)
        {
            return report;
        }

        int distinct = report.Findings.Select(f => f.Secret).Distinct().Count();
        announce?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Verifying {distinct} distinct token(s) with {endpoint}…"));
        using var client = new HfApiClient(endpoint);
        return await new TokenVerifier(client, options).VerifyAsync(report, cancellationToken).ConfigureAwait(false);
    }
}
