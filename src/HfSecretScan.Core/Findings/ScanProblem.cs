namespace HfSecretScan.Findings;

/// <summary>Something that could not be scanned, and why. Any problem makes the scan incomplete.</summary>
/// <param name="Path">The file, object or setting concerned.</param>
/// <param name="Message">What went wrong, in words a user can act on.</param>
public sealed record ScanProblem(string Path, string Message)
{
    /// <summary>What went wrong; a token quoted from the input (a parser error, say) is redacted.</summary>
    public string Message { get; init; } = Secret.RedactAll(Message);
}
