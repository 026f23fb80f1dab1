using System.Globalization;
using System.Text;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error file=…,line=…,col=…,title=…::message</c> per
/// finding (an annotation on the pull request's diff), one <c>::warning</c> per problem, and, when
/// the step has a summary file, a Markdown summary appended to it.
/// </summary>
public sealed class GitHubReporter : IReporter
{
    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var finding in report.Findings)
        {
            writer.WriteLine(Annotation(finding, context));
        }

        foreach (var problem in report.Problems)
        {
            writer.WriteLine($"::warning title={Property("hf-scan: not scanned")}::{Data($"{DisplayText.Quote(problem.Path)}: {DisplayText.Quote(problem.Message)}")}");
        }

        writer.WriteLine(TextReporter.Summary(report));
        if (context.StepSummaryPath is { Length: > 0 } summaryPath)
        {
            AppendSummary(report, context, summaryPath, writer);
        }
    }

    private static string Annotation(Finding finding, ReportContext context)
    {
        var properties = new List<string>();
        string unlinked = string.Empty;
        string? file = RepositoryPaths.Of(finding, context);
        if (file is not null && !DisplayText.FitsCommandProperty(file))
        {
            unlinked = $" in {DisplayText.Quote(file)}";
        }
        else if (file is not null)
        {
            properties.Add("file=" + Property(file));
            if (finding.IsTextual && finding.InnerPath is null)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={finding.Line},endLine={finding.Line},col={finding.Column},endColumn={finding.Column + finding.Rule.Length}"));
            }
        }

        properties.Add("title=" + Property($"{finding.Rule.Name} ({finding.Rule.Code})"));
        string where = finding.Commit is { } commit ? $" at {FindingText.Location(finding)}{(commit.Author is null ? string.Empty : " by " + DisplayText.Quote(commit.Author))}" : string.Empty;
        return $"::error {string.Join(',', properties)}::{Data($"{FindingText.Message(finding)}{unlinked}{where}. {Remediation.For(finding)}")}";
    }

    /// <summary>Appends, never truncates: earlier steps' summaries share the file.</summary>
    private static void AppendSummary(ScanReport report, ReportContext context, string summaryPath, TextWriter writer)
    {
        try
        {
            using var stream = new FileStream(summaryPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var summary = new StreamWriter(stream, new UTF8Encoding(false));
            summary.Write(GitHubSummary.Markdown(report, context));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writer.WriteLine($"::warning title={Property("hf-scan")}::{Data($"Could not append the step summary to {summaryPath}: {e.Message}")}");
        }
    }

    /// <summary>Escapes a command's message as the runner reads it back.</summary>
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: also the separators of properties.</summary>
    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
