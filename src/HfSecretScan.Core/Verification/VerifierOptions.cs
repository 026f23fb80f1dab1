namespace HfSecretScan.Verification;

/// <summary>How hard verification tries before it calls a token unknown.</summary>
public sealed record VerifierOptions
{
    /// <summary>Requests in flight at once. Hugging Face limits whoami-v2 per address, so keep this small.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a token is asked again after HTTP 429.</summary>
    public int MaxRateLimitRetries { get; init; } = 2;

    /// <summary>Longest wait after HTTP 429; a longer requested wait makes the token unknown instead.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait after HTTP 429 when the answer names none.</summary>
    public TimeSpan DefaultRateLimitWait { get; init; } = TimeSpan.FromSeconds(5);
}
