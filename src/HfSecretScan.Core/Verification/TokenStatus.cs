namespace HfSecretScan.Verification;

/// <summary>What Hugging Face said about a token.</summary>
public enum TokenStatus
{
    /// <summary>Hugging Face accepts the token (HTTP 200): it opens something right now.</summary>
    Live,

    /// <summary>Hugging Face rejects the token (HTTP 401): revoked, expired or never valid.</summary>
    Invalid,

    /// <summary>No answer could be had (timeout, network error, rate limit, server error, malformed answer).</summary>
    Unknown,
}
