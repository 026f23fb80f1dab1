using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HfSecretScan.Findings;
using HfSecretScan.Verification;

namespace HfSecretScan.Reporting;

/// <summary>
/// GitLab's secret-detection report (security report schema 15.x), what a job's
/// <c>artifacts:reports:secret_detection</c> feeds to the merge request widget and the
/// vulnerability report. Never a source extract, never the secret.
/// </summary>
public sealed class GitLabReporter : IReporter
{
    /// <summary>The schema version written in <c>version</c>.</summary>
    public const string SchemaVersion = "15.0.7";

    /// <summary>The identifier type that names hf-scan's rules.</summary>
    public const string RuleIdentifierType = "hf_scan_rule_id";

    /// <summary>
    /// What GitLab's schema asks for as a finding's commit when it comes from no commit (a working
    /// tree, standard input): the commit is required, and GitLab's own analyzer writes this.
    /// </summary>
    public const string NoCommit = "0000000";

    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", SchemaVersion);
            WriteScan(json, report, context);
            json.WriteStartArray("vulnerabilities");
            foreach (var finding in report.Findings)
            {
                WriteVulnerability(json, finding, context);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteScan(Utf8JsonWriter json, ScanReport report, ReportContext context)
    {
        json.WriteStartObject("scan");
        json.WriteString("type", "secret_detection");
        json.WriteString("status", report.IsComplete ? "success" : "failure");
        json.WriteString("start_time", Time(context.FinishedAt - report.Elapsed));
        json.WriteString("end_time", Time(context.FinishedAt));
        foreach (string part in new[] { "analyzer", "scanner" })
        {
            json.WriteStartObject(part);
            json.WriteString("id", "hf-scan");
            json.WriteString("name", "HfSecretScan");
            json.WriteString("url", "https://huggingface.co/docs/hub/security-tokens");
            json.WriteString("version", context.ToolVersion.Split('+')[0]);
            json.WriteStartObject("vendor");
            json.WriteString("name", "HfSecretScan");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("messages");
        foreach (var problem in report.Problems)
        {
            json.WriteStartObject();
            json.WriteString("level", "warn");
            json.WriteString("value", $"Not scanned: {problem.Path}: {problem.Message}");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteVulnerability(Utf8JsonWriter json, Finding finding, ReportContext context)
    {
        string file = RepositoryPaths.Of(finding, context) ?? finding.Path;
        json.WriteStartObject();
        json.WriteString("id", StableId(finding, file));
        json.WriteString("category", "secret_detection");
        json.WriteString("name", finding.Rule.Name);
        json.WriteString("description", $"{FindingText.Message(finding)} in {FindingText.Location(finding)}. {finding.Rule.Description}");
        json.WriteString("severity", Severity(finding));
        json.WriteString("solution", Remediation.For(finding));
        json.WriteStartArray("identifiers");
        json.WriteStartObject();
        json.WriteString("type", RuleIdentifierType);
        json.WriteString("name", $"hf-scan rule {finding.Rule.Id} ({finding.Rule.Code})");
        json.WriteString("value", finding.Rule.Id);
        json.WriteString("url", "https://huggingface.co/docs/hub/security-tokens");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("location");
        json.WriteString("file", file);
        if (finding.IsTextual && finding.InnerPath is null)
        {
            json.WriteNumber("start_line", finding.Line!.Value);
            json.WriteNumber("end_line", finding.Line!.Value);
        }

        json.WriteStartObject("commit");
        if (finding.Commit is { } commit)
        {
            json.WriteString("sha", commit.CommitId ?? commit.ObjectId);
            if (commit.Author is not null)
            {
                json.WriteString("author", commit.Author);
            }

            if (commit.Date is { } date)
            {
                json.WriteString("date", Time(date));
            }
        }
        else
        {
            json.WriteString("sha", NoCommit);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Critical unless verification says less: a token nobody asked Hugging Face about may be a
    /// live write token, and GitLab's own secret detection rates leaked keys critical too.
    /// </summary>
    public static string Severity(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Verification?.Severity switch
        {
            null or VerificationSeverity.Critical => "Critical",
            VerificationSeverity.High => "High",
            VerificationSeverity.Medium => "Medium",
            _ => "Info",
        };
    }

    /// <summary>
    /// The same on every run for the same token at the same place (GitLab matches findings of
    /// successive pipelines by it), formatted as the UUID the schema recommends.
    /// </summary>
    private static string StableId(Finding finding, string file)
    {
        string key = string.Create(CultureInfo.InvariantCulture, $"{finding.Secret.Fingerprint}\n{file}\n{finding.Commit?.CommitId ?? finding.Commit?.ObjectId}\n{finding.Line}:{finding.Column}@{finding.ByteOffset}");
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    /// <summary>The schema's time format: UTC, to the second, no zone suffix.</summary>
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
