using System.Net;

namespace HfSecretScan.Verification;

/// <summary>The raw answer of <c>whoami-v2</c>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body as text (it never contains the token).</param>
/// <param name="RetryAfter">For HTTP 429, the wait the rate-limit headers ask for.</param>
public sealed record WhoAmIAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter);
