using System.Globalization;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Verification;

/// <summary>
/// Asks Hugging Face about each distinct token left after suppression and attaches the verdicts,
/// with what each live token reaches (<see cref="ReachSurvey"/>). Runs after the baseline, so
/// accepted findings are never sent anywhere.
/// </summary>
/// <param name="endpoint">Where to ask.</param>
/// <param name="options">Timeouts and parallelism.</param>
/// <param name="announce">Told, before any token leaves the machine, how many go where; null says nothing.</param>
/// <param name="gate">The run's rate-limit gate (shared with a Hub audit); a new one when null.</param>
public sealed class VerificationStage(HfEndpoint endpoint, VerifierOptions options, Action<string>? announce = null, RateLimitGate? gate = null) : IReportStage
{
    /// <summary>Largest answer read: a listing of a thousand repositories is larger than a whoami answer.</summary>
    public const int HubListingMaxBytes = 64 * 1024 * 1024;

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
        using var client = new HfApiClient(endpoint, HubListingMaxBytes);
        var runGate = gate ?? new RateLimitGate(TimeProvider.System);
        var verified = await new TokenVerifier(client, options, gate: runGate).VerifyAsync(report, cancellationToken).ConfigureAwait(false);
        var survey = new ReachSurvey(new HubApiReader(client, runGate, options));
        var reaches = new Dictionary<Secret, IReadOnlyList<OwnerReach>>();
        foreach (var finding in verified.Findings.Where(f => f.Verification?.Status == TokenStatus.Live).DistinctBy(f => f.Secret))
        {
            reaches[finding.Secret] = await survey.SurveyAsync(finding.Secret, finding.Verification!, cancellationToken).ConfigureAwait(false);
        }

        return verified with
        {
            Findings = [.. verified.Findings.Select(f => reaches.TryGetValue(f.Secret, out var reach) ? f with { Verification = f.Verification! with { Reach = reach } } : f)],
        };
    }
}
