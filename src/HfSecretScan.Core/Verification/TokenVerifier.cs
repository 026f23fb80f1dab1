using System.Globalization;
using System.Net;
using System.Text.Json;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification;

/// <summary>
/// Asks Hugging Face about each distinct token once, a few at a time, each with a timeout, and
/// waits as told when rate-limited. Every failure becomes an <see cref="TokenStatus.Unknown"/>
/// verdict with its reason; reasons never contain the token.
/// </summary>
public sealed class TokenVerifier
{
    private readonly HfApiClient _client;
    private readonly VerifierOptions _options;
    private readonly RateLimitGate _gate;

    /// <summary>A verifier asking through <paramref name="client"/>.</summary>
    /// <param name="client">The API client.</param>
    /// <param name="options">Timeouts, parallelism and rate-limit patience.</param>
    /// <param name="time">The clock rate-limit waits use, when no <paramref name="gate"/> is given.</param>
    /// <param name="gate">The run's rate-limit gate, shared with other requests to the same Hub; a new one when null.</param>
    public TokenVerifier(HfApiClient client, VerifierOptions? options = null, TimeProvider? time = null, RateLimitGate? gate = null)
    {
        _client = client;
        _options = options ?? new VerifierOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrency, 1, nameof(options));
        _gate = gate ?? new RateLimitGate(time ?? TimeProvider.System);
    }

    /// <summary>Verifies every distinct token in <paramref name="tokens"/>.</summary>
    public async Task<IReadOnlyDictionary<Secret, TokenVerification>> VerifyAsync(IEnumerable<Secret> tokens, CancellationToken cancellationToken = default)
    {
        var distinct = tokens.Distinct().ToList();
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var verdicts = await Task.WhenAll(distinct.Select(async token =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await VerifyOneAsync(token, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
        return distinct.Zip(verdicts).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>The report with each finding's verdict attached.</summary>
    public async Task<ScanReport> VerifyAsync(ScanReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdicts = await VerifyAsync(report.Findings.Select(f => f.Secret), cancellationToken).ConfigureAwait(false);
        return report with { Findings = [.. report.Findings.Select(f => f with { Verification = verdicts[f.Secret] })] };
    }

    private async Task<TokenVerification> VerifyOneAsync(Secret token, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            WhoAmIAnswer answer;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    answer = await _client.WhoAmIAsync(token, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return TokenVerification.Unknown($"no answer within {Seconds(_options.Timeout)}");
                }
                catch (HttpRequestException e)
                {
                    return TokenVerification.Unknown(Secret.RedactAll("network error: " + e.Message));
                }
            }

            switch (answer.Status)
            {
                case HttpStatusCode.OK:
                    try
                    {
                        return WhoAmIParser.Parse(answer.Body);
                    }
                    catch (JsonException e)
                    {
                        // The parser's messages name fields, never values: nothing of the answer is echoed.
                        return TokenVerification.Unknown($"malformed answer: HTTP 200 but {e.Message}");
                    }

                case HttpStatusCode.Unauthorized:
                    return TokenVerification.Invalid;
                case HttpStatusCode.TooManyRequests:
                    var wait = answer.RetryAfter ?? _options.DefaultRateLimitWait;
                    if (attempt >= _options.MaxRateLimitRetries)
                    {
                        return TokenVerification.Unknown($"rate-limited (HTTP 429) after {attempt + 1} attempts; Hugging Face asks to wait {Seconds(wait)}");
                    }

                    if (wait > _options.MaxRateLimitWait)
                    {
                        return TokenVerification.Unknown($"rate-limited (HTTP 429); Hugging Face asks to wait {Seconds(wait)}, longer than the {Seconds(_options.MaxRateLimitWait)} this run waits");
                    }

                    _gate.CloseFor(wait);
                    continue;
                case >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest:
                    return TokenVerification.Unknown($"redirected (HTTP {(int)answer.Status}); tokens are sent only to {_client.Endpoint}, so the redirect was not followed");
                case >= HttpStatusCode.InternalServerError:
                    return TokenVerification.Unknown($"server error: HTTP {(int)answer.Status}");
                default:
                    return TokenVerification.Unknown($"unexpected answer: HTTP {(int)answer.Status}");
            }
        }
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
