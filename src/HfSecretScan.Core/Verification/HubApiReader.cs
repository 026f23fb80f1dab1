using System.Globalization;
using System.Net;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification;

/// <summary>
/// Reads the Hub's API through the run's <see cref="RateLimitGate"/>: waits when the gate is
/// closed, closes it for the time a 429's <c>RateLimit</c> header gives and asks again, each
/// request with a timeout. The Hub audit and the survey of what a token reaches read through it.
/// </summary>
/// <param name="client">The API client.</param>
/// <param name="gate">The run's gate.</param>
/// <param name="options">Timeout and rate-limit patience.</param>
public sealed class HubApiReader(HfApiClient client, RateLimitGate gate, VerifierOptions options)
{
    /// <summary>The Hub read.</summary>
    public HfEndpoint Endpoint => client.Endpoint;

    /// <summary>Reads <paramref name="uri"/> (with <paramref name="token"/> as bearer when given).</summary>
    /// <exception cref="HubApiException">No usable answer: network error, timeout, rate limit beyond patience.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<HubAnswer> GetAsync(Uri uri, Secret? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        for (int attempt = 0; ; attempt++)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            HubAnswer answer;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(options.Timeout);
                try
                {
                    answer = await client.GetAsync(uri, token, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new HubApiException($"no answer within {Seconds(options.Timeout)}");
                }
                catch (HttpRequestException e)
                {
                    throw new HubApiException(Secret.RedactAll("network error: " + e.Message), e);
                }
            }

            if (answer.Status != HttpStatusCode.TooManyRequests)
            {
                return answer;
            }

            var wait = answer.RetryAfter ?? options.DefaultRateLimitWait;
            if (attempt >= options.MaxRateLimitRetries || wait > options.MaxRateLimitWait)
            {
                throw new HubApiException($"rate-limited (HTTP 429) after {attempt + 1} attempts; Hugging Face asks to wait {Seconds(wait)}");
            }

            gate.CloseFor(wait);
        }
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}

/// <summary>A Hub API read gave no usable answer; the message says why and never holds a token.</summary>
public sealed class HubApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HubApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public HubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public HubApiException()
    {
    }
}
