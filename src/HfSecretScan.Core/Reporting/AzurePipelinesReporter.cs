using System.Globalization;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// Azure Pipelines logging commands: one
/// <c>##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=HFS001]message</c>
/// per finding, one warning per problem, then the summary line.
/// </summary>
public sealed class AzurePipelinesReporter : IReporter
{
    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var finding in report.Findings)
        {
            var properties = new List<string> { "type=error" };
            string unlinked = string.Empty;
            string? file = RepositoryPaths.Of(finding, context);
            if (file is not null && !DisplayText.FitsCommandProperty(file))
            {
                unlinked = $" in {DisplayText.Quote(file)}";
            }
            else if (file is not null)
            {
                properties.Add("sourcepath=" + Escape(file));
                if (finding.IsTextual && finding.InnerPath is null)
                {
                    properties.Add(string.Create(CultureInfo.InvariantCulture, $"linenumber={finding.Line};columnnumber={finding.Column}"));
                }
            }

            properties.Add("code=" + finding.Rule.Code);
            string where = finding.Commit is null ? string.Empty : $" at {FindingText.Location(finding)}";
            writer.WriteLine($"##vso[task.logissue {string.Join(';', properties)}]{Escape($"{FindingText.Message(finding)}{unlinked}{where}. {Remediation.For(finding)}")}");
        }

        foreach (var problem in report.Problems)
        {
            writer.WriteLine($"##vso[task.logissue type=warning]{Escape($"hf-scan could not scan {DisplayText.Quote(problem.Path)}: {DisplayText.Quote(problem.Message)}")}");
        }

        writer.WriteLine(TextReporter.Summary(report));
    }

    /// <summary>
    /// The agent's escapes, in properties and message alike: <c>%</c> first (as <c>%AZP25</c>, which
    /// agents decode since 2.x), then the characters that end a property, the command or the line.
    /// </summary>
    private static string Escape(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
}
