using System.Globalization;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// One line per finding, <c>path:line:column: rule-id: redacted</c>, then what could not be
/// read, what to do, and a summary. Colour only when the context allows it.
/// </summary>
public sealed class TextReporter : IReporter
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";
    private const int MaxSkippedLines = 20;

    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        string Paint(string text, string color) => context.UseColor ? color + text + Reset : text;

        var detailed = new HashSet<Secret>();
        foreach (var finding in report.Findings)
        {
            writer.WriteLine($"{Paint(FindingText.Location(finding), Bold)}: {Paint(FindingText.Rule(finding), Red)}: {FindingText.Redacted(finding)}");
            if (finding.Verification is { } verification && detailed.Add(finding.Secret))
            {
                foreach (string detail in VerificationText.Details(verification))
                {
                    writer.WriteLine("    " + detail);
                }
            }
        }

        WriteTokens(report, writer, Paint);
        foreach (var problem in report.Problems)
        {
            writer.WriteLine($"{Paint("error", Yellow)}: {DisplayText.Quote(problem.Path)}: {DisplayText.Quote(problem.Message)}");
        }

        // Nothing is skipped silently; a tree full of links gets a count, not a page.
        foreach (var skipped in report.Skipped.Take(MaxSkippedLines))
        {
            writer.WriteLine($"skipped: {DisplayText.Quote(skipped.Path)}: {DisplayText.Quote(skipped.Reason)}");
        }

        if (report.Skipped.Count > MaxSkippedLines)
        {
            writer.WriteLine($"skipped: … and {report.Skipped.Count - MaxSkippedLines} more (--format json lists them all)");
        }

        if (report.Findings.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("What to do: " + Remediation.ForFiles);
            if (report.Findings.Any(f => f.Commit is not null))
            {
                writer.WriteLine(Remediation.ForHistory);
            }

            foreach (var verified in report.Findings.Where(f => f.Verification is not null).DistinctBy(f => f.Secret))
            {
                writer.WriteLine($"{verified.Secret.Redacted}: {Remediation.ForToken(verified.Verification!)}");
            }
        }

        writer.WriteLine();
        writer.WriteLine(Summary(report));
    }

    /// <summary>After the findings, one paragraph per distinct token: what an auditor asks about it.</summary>
    private static void WriteTokens(ScanReport report, TextWriter writer, Func<string, string, string> paint)
    {
        if (report.Findings.Count == 0)
        {
            return;
        }

        var groups = TokenGroup.Of(report.Findings);
        writer.WriteLine();
        writer.WriteLine(TokenGroupText.Heading(groups) + ":");
        foreach (var group in groups)
        {
            string verdict = group.Verification is { } verification ? $" [{VerificationText.Summary(verification)}]" : string.Empty;
            writer.WriteLine($"  {paint(group.Secret.Redacted, Bold)} ({group.Rule.Id}){verdict}");
            writer.WriteLine($"    {TokenGroupText.Counts(group)}");
            if (TokenGroupText.FirstCommit(group) is { } first)
            {
                writer.WriteLine($"    {first}");
            }

            writer.WriteLine($"    {TokenGroupText.Reach(group)}");
        }
    }

    /// <summary>The closing summary line.</summary>
    public static string Summary(ScanReport report)
    {
        var culture = CultureInfo.InvariantCulture;
        string findings = report.Findings.Count == 1 ? "1 token" : $"{report.Findings.Count} tokens";
        var parts = new List<string>
        {
            string.Create(culture, $"{findings} found in {report.ItemsScanned:N0} {(report.ItemsScanned == 1 ? "item" : "items")} ({FindingText.Bytes(report.BytesScanned)}) in {report.Elapsed.TotalSeconds:0.00} s"),
        };
        if (report.SuppressedByComment > 0)
        {
            parts.Add($"{report.SuppressedByComment} allowed by hf-scan:allow");
        }

        if (report.SuppressedByBaseline > 0)
        {
            parts.Add($"{report.SuppressedByBaseline} in the baseline");
        }

        if (report.Skipped.Count > 0)
        {
            parts.Add($"{report.Skipped.Count} skipped");
        }

        if (report.LfsPointersNotScanned > 0)
        {
            parts.Add(string.Create(culture, $"{report.LfsPointersNotScanned:N0} LFS {(report.LfsPointersNotScanned == 1 ? "file" : "files")} not downloaded, not scanned"));
        }

        if (report.Problems.Count > 0)
        {
            parts.Add($"{report.Problems.Count} could not be read: the scan is incomplete");
        }

        return string.Join("; ", parts) + ".";
    }
}
