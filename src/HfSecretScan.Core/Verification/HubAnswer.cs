using System.Net;

namespace HfSecretScan.Verification;

/// <summary>The raw answer of a Hub API read.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body as text.</param>
/// <param name="Next">The next page (<c>Link</c> header, <c>rel="next"</c>) when it is on the endpoint; null on the last page.</param>
/// <param name="RetryAfter">For HTTP 429, the wait the rate-limit headers ask for.</param>
public sealed record HubAnswer(HttpStatusCode Status, string Body, Uri? Next, TimeSpan? RetryAfter);
