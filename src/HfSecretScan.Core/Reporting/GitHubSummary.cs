using System.Globalization;
using System.Text;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// The Markdown a GitHub job's summary page shows for a scan: how many tokens, by verdict, then
/// by file. Every path and message is Markdown-escaped, so a file name cannot inject markup.
/// </summary>
public static class GitHubSummary
{
    // A summary is capped at 1 MiB per step by GitHub; the annotations and reports carry the rest.
    private const int MaxRows = 200;

    /// <summary>The summary of <paramref name="report"/>, ending with a blank line.</summary>
    public static string Markdown(ScanReport report, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        int count = report.Findings.Count;
        text.AppendLine(culture, $"### hf-scan: {(count == 0 ? "no Hugging Face token found" : count == 1 ? "1 Hugging Face token found" : $"{count} Hugging Face tokens found")}");
        text.AppendLine();
        if (count > 0)
        {
            text.AppendLine("| verdict | tokens |");
            text.AppendLine("| --- | ---: |");
            foreach (var group in report.Findings.GroupBy(Verdict).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.AppendLine(culture, $"| {Escape(group.Key)} | {group.Count()} |");
            }

            text.AppendLine();
            text.AppendLine("| file | tokens | where | verdicts |");
            text.AppendLine("| --- | ---: | --- | --- |");
            var files = report.Findings.GroupBy(f => RepositoryPaths.Of(f, context) ?? f.Path).ToList();
            foreach (var file in files.Take(MaxRows))
            {
                string where = string.Join(", ", file.Select(Position));
                string verdicts = string.Join(", ", file.Select(Verdict).Distinct());
                text.AppendLine(culture, $"| {Escape(file.Key)} | {file.Count()} | {Escape(where)} | {Escape(verdicts)} |");
            }

            if (files.Count > MaxRows)
            {
                text.AppendLine(culture, $"| … and {files.Count - MaxRows} more files | | | |");
            }

            text.AppendLine();
            text.AppendLine(Remediation.ForFiles); // our own text, with a link and code spans meant as Markdown
            text.AppendLine();
        }

        if (report.Problems.Count > 0)
        {
            text.AppendLine(culture, $"{report.Problems.Count} could not be scanned, so the scan is incomplete:");
            text.AppendLine();
            foreach (var problem in report.Problems.Take(MaxRows))
            {
                text.AppendLine(culture, $"- {Escape(problem.Path)}: {Escape(problem.Message)}");
            }

            text.AppendLine();
        }

        text.AppendLine(Escape(TextReporter.Summary(report)));
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>
    /// Backslash-escapes every ASCII punctuation character CommonMark and GitHub's tables give a
    /// meaning to, and turns line breaks into spaces (a table row is one line).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
            }
            else if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '<' or '>' or '(' or ')' or '#' or '+' or '-' or '.' or '!' or '|' or '~' or '&' or '"' or '\'' or '$' or '%' or '=' or ':' or '@' or '^')
            {
                escaped.Append('\\').Append(c);
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static string Verdict(Finding finding) =>
        finding.Verification is { } verification ? $"{VerificationText.Status(verification)} ({VerificationText.Severity(verification)})" : "not verified";

    private static string Position(Finding finding)
    {
        string position = finding.IsTextual
            ? string.Create(CultureInfo.InvariantCulture, $"{finding.Line}:{finding.Column}")
            : string.Create(CultureInfo.InvariantCulture, $"@{finding.ByteOffset}");
        string commit = finding.Commit?.CommitId is { } id ? $" in {id[..Math.Min(12, id.Length)]}" : string.Empty;
        return $"{position}{commit} {finding.Secret.Redacted}";
    }
}
