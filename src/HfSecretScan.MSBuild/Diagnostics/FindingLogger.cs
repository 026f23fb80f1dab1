using HfSecretScan.Findings;
using Microsoft.Build.Utilities;

namespace HfSecretScan.MSBuild.Diagnostics;

/// <summary>
/// Writes findings and problems to the build log as <c>file(line,col): error HFS001: …</c>. Every
/// message is a fixed format string with the variable parts passed as arguments, and holds only
/// the redacted token: binary logs keep every message. Paths and messages are quoted by
/// <see cref="Reporting.DisplayText"/>, so a file name cannot rewrite the console line.
/// </summary>
internal sealed class FindingLogger
{
    private const string TextFormat = "{0} {1} ({2}). {3}";
    private const string BinaryFormat = "{0} {1} ({2}) at byte offset {3} of this binary file. {4}";
    private const string MemberFormat = "{0} {1} ({2}) inside this file, at {3}. {4}";

    private readonly TaskLoggingHelper _log;
    private readonly bool _asErrors;
    private readonly HashSet<string> _silenced;

    /// <summary>Creates a logger.</summary>
    /// <param name="log">The task's log.</param>
    /// <param name="asErrors">Findings are errors, otherwise warnings.</param>
    /// <param name="silencedCodes">Codes listed in <c>NoWarn</c>: silenced at either severity, as analyzer diagnostics are.</param>
    public FindingLogger(TaskLoggingHelper log, bool asErrors, IEnumerable<string> silencedCodes)
    {
        _log = log;
        _asErrors = asErrors;
        _silenced = new HashSet<string>(silencedCodes, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Findings silenced through <c>NoWarn</c>.</summary>
    public int Silenced { get; private set; }

    /// <summary>Logs <paramref name="finding"/> found in <paramref name="file"/>.</summary>
    /// <remarks>No end position, so the build prints the familiar <c>file(line,col)</c> rather than a range.</remarks>
    public void Log(string file, Finding finding)
    {
        string code = finding.Rule.Code;
        if (_silenced.Contains(code))
        {
            Silenced++;
            return;
        }

        string rule = Reporting.FindingText.Rule(finding);
        string format;
        object[] args;
        int line = finding.Line ?? 0;
        int column = finding.Column ?? 0;
        if (finding.InnerPath is { } inner)
        {
            // Line and column are inside the member: on the archive itself they would point at nothing.
            string member = Reporting.DisplayText.Quote(inner);
            string position = finding.IsTextual ? $"{member}({finding.Line},{finding.Column})" : $"{member} byte offset {finding.ByteOffset}";
            (format, args, line, column) = (MemberFormat, [finding.Rule.Name, finding.Secret.Redacted, rule, position, Remediation.ForFiles], 0, 0);
        }
        else if (finding.IsTextual)
        {
            (format, args) = (TextFormat, [finding.Rule.Name, finding.Secret.Redacted, rule, Remediation.ForFiles]);
        }
        else
        {
            (format, args) = (BinaryFormat, [finding.Rule.Name, finding.Secret.Redacted, rule, finding.ByteOffset, Remediation.ForFiles]);
        }

        if (_asErrors)
        {
            _log.LogError(null, code, null, Reporting.DisplayText.Quote(file), line, column, 0, 0, format, args);
        }
        else
        {
            _log.LogWarning(null, code, null, Reporting.DisplayText.Quote(file), line, column, 0, 0, format, args);
        }
    }

    /// <summary>Logs that <paramref name="problem"/> kept part of the project from being scanned.</summary>
    public void LogProblem(ScanProblem problem) =>
        _log.LogWarning(null, DiagnosticCodes.Incomplete, null, Reporting.DisplayText.Quote(problem.Path), 0, 0, 0, 0, "Not scanned for Hugging Face tokens: {0}", Reporting.DisplayText.Quote(problem.Message));
}
