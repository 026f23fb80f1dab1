using System.Net.Http.Headers;

namespace HfSecretScan.Verification;

/// <summary>Reads the <c>Link</c> header as the Hub sends it (GitHub style, RFC 8288): <c>&lt;url&gt;; rel="next"</c>.</summary>
public static class LinkHeader
{
    /// <summary>The <c>rel="next"</c> target of <paramref name="headers"/>, resolved against <paramref name="requested"/>; null when there is none.</summary>
    public static Uri? Next(HttpResponseHeaders headers, Uri requested)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.TryGetValues("Link", out var values) ? Next(string.Join(',', values), requested) : null;
    }

    /// <summary>The <c>rel="next"</c> target of a <c>Link</c> header value; null when there is none.</summary>
    public static Uri? Next(string value, Uri requested)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (string link in value.Split(','))
        {
            int open = link.IndexOf('<', StringComparison.Ordinal);
            int close = link.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                continue;
            }

            bool isNext = link[(close + 1)..].Split(';').Select(p => p.Trim()).Any(p =>
                p.StartsWith("rel=", StringComparison.OrdinalIgnoreCase)
                && p[4..].Trim('"').Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase));
            if (isNext && Uri.TryCreate(requested, link[(open + 1)..close], out var target))
            {
                return target;
            }
        }

        return null;
    }
}
