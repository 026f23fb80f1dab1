using System.Globalization;
using System.Text;
using System.Xml;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// A JUnit XML test report, which Jenkins, Azure DevOps and GitLab show in their test tabs: one
/// <c>testsuite</c>, a failing <c>testcase</c> per finding (named by its path and position, the
/// message redacted), an erroring one per problem, and one passing testcase when nothing is found.
/// </summary>
public sealed class JUnitReporter : IReporter
{
    /// <summary>The name of the suite and the class name of its cases.</summary>
    public const string SuiteName = "hf-scan";

    /// <summary>The name of the passing testcase of a clean scan.</summary>
    public const string CleanCaseName = "no Hugging Face token";

    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var culture = CultureInfo.InvariantCulture;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            bool clean = report.Findings.Count == 0 && report.Problems.Count == 0;
            string seconds = report.Elapsed.TotalSeconds.ToString("0.000", culture);
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", SuiteName);
            xml.WriteAttributeString("tests", (report.Findings.Count + report.Problems.Count + (clean ? 1 : 0)).ToString(culture));
            xml.WriteAttributeString("failures", report.Findings.Count.ToString(culture));
            xml.WriteAttributeString("errors", report.Problems.Count.ToString(culture));
            xml.WriteAttributeString("time", seconds);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", SuiteName);
            xml.WriteAttributeString("tests", (report.Findings.Count + report.Problems.Count + (clean ? 1 : 0)).ToString(culture));
            xml.WriteAttributeString("failures", report.Findings.Count.ToString(culture));
            xml.WriteAttributeString("errors", report.Problems.Count.ToString(culture));
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("time", seconds);
            xml.WriteAttributeString("timestamp", (context.FinishedAt - report.Elapsed).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", culture));
            foreach (var finding in report.Findings)
            {
                StartCase(xml, FindingText.Location(finding));
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", finding.Rule.Id);
                xml.WriteAttributeString("message", XmlSafe(FindingText.Message(finding)));
                xml.WriteString(XmlSafe($"{FindingText.Location(finding)}: {finding.Rule.Id}: {FindingText.Redacted(finding)}\n{Remediation.For(finding)}"));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            foreach (var problem in report.Problems)
            {
                StartCase(xml, "not scanned: " + problem.Path);
                xml.WriteStartElement("error");
                xml.WriteAttributeString("type", problem.Kind.ToString());
                xml.WriteAttributeString("message", XmlSafe(problem.Message));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            if (clean)
            {
                StartCase(xml, CleanCaseName);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("system-out");
            xml.WriteString(XmlSafe(TextReporter.Summary(report)));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void StartCase(XmlWriter xml, string name)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", SuiteName);
        xml.WriteAttributeString("name", XmlSafe(name));
        xml.WriteAttributeString("time", "0");
    }

    /// <summary>
    /// Replaces what XML 1.0 cannot hold at all (control characters other than tab and line
    /// breaks, unpaired surrogates), which a file name may contain, by <c>\uXXXX</c>; the writer
    /// escapes the rest (<c>&lt;</c>, <c>&amp;</c>, quotes, line breaks in attributes).
    /// </summary>
    private static string XmlSafe(string text)
    {
        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                safe?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                safe?.Append(c);
                continue;
            }

            safe ??= new StringBuilder(text, 0, i, text.Length + 16);
            safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return safe?.ToString() ?? text;
    }
}
