using System.Globalization;
using System.Net.Http.Headers;

namespace HfSecretScan.Verification;

/// <summary>
/// How long Hugging Face asks a client to wait after HTTP 429: the <c>t</c> (seconds to reset)
/// of the <c>RateLimit</c> header, e.g. <c>"api";r=0;t=120</c>, else <c>Retry-After</c> in seconds.
/// </summary>
public static class RateLimitHeader
{
    /// <summary>The wait the headers ask for, or null when they name none.</summary>
    public static TimeSpan? WaitFrom(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.NonValidated.TryGetValues("RateLimit", out var rateLimit) && Parse(string.Join(',', rateLimit)) is { } reset)
        {
            return reset;
        }

        return headers.NonValidated.TryGetValues("Retry-After", out var retryAfter)
            && int.TryParse(retryAfter.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>
    /// The reset time of a <c>RateLimit</c> value: the longest <c>t</c> among exhausted
    /// (<c>r=0</c>) limits, or among all limits when none says it is exhausted.
    /// </summary>
    public static TimeSpan? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int? exhausted = null, any = null;
        foreach (string item in value.Split(','))
        {
            int? remaining = null, reset = null;
            foreach (string parameter in item.Split(';'))
            {
                string[] pair = parameter.Trim().Split('=', 2);
                if (pair.Length == 2 && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                {
                    switch (pair[0])
                    {
                        case "r": remaining = number; break;
                        case "t": reset = number; break;
                    }
                }
            }

            if (reset is { } t)
            {
                any = Math.Max(any ?? 0, t);
                if (remaining == 0)
                {
                    exhausted = Math.Max(exhausted ?? 0, t);
                }
            }
        }

        return (exhausted ?? any) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
    }
}
