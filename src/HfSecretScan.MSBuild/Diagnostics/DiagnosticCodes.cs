namespace HfSecretScan.MSBuild.Diagnostics;

/// <summary>
/// The build's own diagnostic codes. Findings use their rule's code (<c>HFS001</c>, <c>HFS002</c>,
/// see <see cref="HfSecretScan.Detection.TokenRule.Code"/>); <c>HFS900</c> (the scan cannot run in
/// this MSBuild) is raised by the targets file, before any task loads.
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>Part of the project could not be scanned: an unreadable file, a broken setting, an internal failure.</summary>
    public const string Incomplete = "HFS901";
}
