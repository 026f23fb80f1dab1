namespace HfSecretScan.Tool.Cli;

/// <summary>What the process exit code says.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing found, everything scanned.</summary>
    public const int Clean = 0;

    /// <summary>Tokens found (even if something else could not be read).</summary>
    public const int Findings = 1;

    /// <summary>Usage error, a missing path, or something that could not be read: the scan is incomplete.</summary>
    public const int Incomplete = 2;

    public static int For(HfSecretScan.Findings.ScanReport report) =>
        report.Findings.Count > 0 ? Findings : report.IsComplete ? Clean : Incomplete;
}
