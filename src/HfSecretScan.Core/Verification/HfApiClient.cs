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
/// so it reaches the configured endpoint and nothing else.
/// </summary>
public sealed class HfApiClient : IDisposable
{
    /// <summary>Largest answer read; whoami answers are a few kilobytes.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

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
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint.WhoAmIUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? RateLimitHeader.WaitFrom(response.Headers) : null;
        return new WhoAmIAnswer(response.StatusCode, body, wait);
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

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? RateLimitHeader.WaitFrom(response.Headers) : null;
        var next = LinkHeader.Next(response.Headers, uri);
        return new HubAnswer(response.StatusCode, body, next is not null && Endpoint.Contains(next) ? next : null, wait);
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
