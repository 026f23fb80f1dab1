using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification;

/// <summary>
/// The Hugging Face calls hf-scan makes: who a token is (<c>whoami-v2</c>), revoking tokens, and
/// reading the Hub's API (listings, discussions). The token travels only in the
/// <c>Authorization</c> header or the revoke body, never in a URL; redirects are not followed,
/// so it reaches the configured endpoint and nothing else. A read (a GET) that meets a fault
/// asking again may cure (a refused or reset connection, an answer cut short, HTTP 502, 503 or
/// 504) is asked again, at most <see cref="MaxAttempts"/> times in all, after a jittered
/// exponential pause, all within the caller's cancellation (its timeout). A revoke is never sent
/// twice: the server may have acted on a request whose answer was lost. A 429 is the rate-limit
/// gate's to wait out, not a fault, so it is returned as it is.
/// </summary>
public sealed class HfApiClient : IDisposable
{
    /// <summary>Largest answer read; whoami answers are a few kilobytes.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>Attempts of one read, the first included.</summary>
    public const int MaxAttempts = 3;

    // Pauses of 100-200 ms, then 200-400 ms: a restarting proxy is back, and three attempts fit a short timeout.
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a revoke request may take, headers and answer together.</summary>
    public static readonly TimeSpan RevokeTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;

    /// <summary>A client for <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The Hub.</param>
    /// <param name="maxAnswerBytes">Largest answer read; a listing page or a discussion with its diff is larger than a whoami answer.</param>
    public HfApiClient(HfEndpoint endpoint, int maxAnswerBytes = MaxAnswerBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = maxAnswerBytes };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("hf-scan", typeof(HfApiClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    /// <summary>The Hub this client talks to.</summary>
    public HfEndpoint Endpoint { get; }

    /// <summary>Asks who <paramref name="token"/> is.</summary>
    /// <exception cref="HttpRequestException">The request failed (network, TLS, oversized answer).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<WhoAmIAnswer> WhoAmIAsync(Secret token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return await ReadAsync(
            Endpoint.WhoAmIUri,
            token,
            (response, body) => new WhoAmIAnswer(response.StatusCode, body, response.StatusCode == HttpStatusCode.TooManyRequests ? RateLimitHeader.WaitFrom(response.Headers) : null),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads <paramref name="uri"/>, an address on <see cref="Endpoint"/>, with <paramref name="token"/>
    /// as bearer when given. The answer's <c>Link: &lt;…&gt;; rel="next"</c> is kept only when it
    /// stays on the endpoint, so that following pages never sends the token elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is not on the endpoint.</exception>
    /// <exception cref="HttpRequestException">The request failed (network, TLS, oversized answer).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<HubAnswer> GetAsync(Uri uri, Secret? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!Endpoint.Contains(uri))
        {
            throw new ArgumentException($"{uri} is not on the endpoint {Endpoint}.", nameof(uri));
        }

        return await ReadAsync(
            uri,
            token,
            (response, body) =>
            {
                var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? RateLimitHeader.WaitFrom(response.Headers) : null;
                var next = LinkHeader.Next(response.Headers, uri);
                return new HubAnswer(response.StatusCode, body, next is not null && Endpoint.Contains(next) ? next : null, wait);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs <paramref name="uri"/>, asking again after a fault that may pass (see the class); <paramref name="read"/> makes the answer.</summary>
    /// <exception cref="HttpRequestException">The last attempt failed; after several, the message says how many.</exception>
    private async Task<T> ReadAsync<T>(Uri uri, Secret? token, Func<HttpResponseMessage, string, T> read, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            // A request message is sent once: each attempt builds its own.
            using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
            {
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
                }

                try
                {
                    using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    if (attempt == MaxAttempts || !IsPassing(response.StatusCode))
                    {
                        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        return read(response, body);
                    }
                }
                catch (HttpRequestException e) when (IsPassing(e))
                {
                    if (attempt == MaxAttempts)
                    {
                        throw new HttpRequestException($"{e.Message} ({MaxAttempts} attempts)", e, e.StatusCode);
                    }
                }
            }

            await Task.Delay(Pause(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsPassing(HttpStatusCode status) => status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// A fault of the connection, not of the answer: an answer over <see cref="MaxAnswerBytes"/>,
    /// a bad certificate or a name that does not resolve would fail the same way again.
    /// </summary>
    private static bool IsPassing(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded
        || (e.HttpRequestError == HttpRequestError.Unknown && e.InnerException is IOException { InnerException: System.Net.Sockets.SocketException });

    /// <summary>Exponential with equal jitter, so that many clients cut off together do not come back together.</summary>
    private static TimeSpan Pause(int attempt)
    {
        var pause = FirstPause * (1 << (attempt - 1));
        return pause * (1 + Random.Shared.NextDouble());
    }

    /// <summary>
    /// Asks Hugging Face to revoke <paramref name="tokens"/>. Needs no authentication; the answer
    /// is HTTP 202 whether or not a token existed.
    /// </summary>
    /// <remarks>
    /// The body is sent whole with a <c>Content-Length</c>, never chunked: a server that reads
    /// <c>Content-Length</c> would otherwise see an empty body and still answer 202.
    /// </remarks>
    /// <returns>The HTTP status of the answer.</returns>
    /// <exception cref="HttpRequestException">The request failed or got no answer within <see cref="RevokeTimeout"/>.</exception>
    public async Task<HttpStatusCode> RevokeAsync(IReadOnlyCollection<Secret> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var body = new RevokeRequest([.. tokens.Select(t => t.Reveal())]);
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, RevokeJsonContext.Default.RevokeRequest));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RevokeTimeout);
        try
        {
            using var response = await _http.PostAsync(Endpoint.RevokeUri, content, timeout.Token).ConfigureAwait(false);
            return response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"no answer within {RevokeTimeout.TotalSeconds:0} s");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    internal sealed record RevokeRequest([property: JsonPropertyName("credentials")] IReadOnlyList<string> Credentials);
}

[JsonSerializable(typeof(HfApiClient.RevokeRequest))]
internal sealed partial class RevokeJsonContext : JsonSerializerContext;
