namespace HfSecretScan.Sources;

/// <summary>An entry the walk chose not to read (a symbolic link, a FIFO, a device), and why.</summary>
/// <param name="Path">The entry.</param>
/// <param name="Reason">Why it was not read.</param>
public sealed record SkippedEntry(string Path, string Reason)
{
    /// <summary>The entry; a file named after a token is redacted.</summary>
    public string Path { get; init; } = Findings.Secret.RedactAll(Path);
}
