namespace HfSecretScan.MSBuild.Diagnostics;

/// <summary>
/// The build's own diagnostic codes. Findings use their rule's code (<c>HFS001</c>, <c>HFS002</c>,
/// see <see cref="HfSecretScan.Detection.TokenRule.Code"/>).
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>The scan could not run in this MSBuild (raised by the targets file, named here for reference).</summary>
    public const string Unsupported = "HFS900";

    /// <summary>Part of the project could not be scanned: an unreadable file, a broken setting, an internal failure.</summary>
    public const string Incomplete = "HFS901";
}
