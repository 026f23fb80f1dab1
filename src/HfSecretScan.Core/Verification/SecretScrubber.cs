using HfSecretScan.Findings;

namespace HfSecretScan.Verification;

/// <summary>
/// Redacts tokens in messages from libraries and servers before they are shown: none of them is
/// trusted not to echo a token (defence in depth; the token never travels in a URL).
/// </summary>
public static class SecretScrubber
{
    /// <summary><paramref name="message"/> with every whole <paramref name="secrets"/> replaced by its redacted form.</summary>
    public static string Scrub(string message, IEnumerable<Secret> secrets)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(secrets);
        return secrets.Aggregate(message, (text, secret) => text.Replace(secret.Reveal(), secret.Redacted, StringComparison.Ordinal));
    }
}
