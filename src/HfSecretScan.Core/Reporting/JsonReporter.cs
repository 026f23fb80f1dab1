using System.Text.Encodings.Web;
using System.Text.Json;
using HfSecretScan.Findings;
using HfSecretScan.Verification;

namespace HfSecretScan.Reporting;

/// <summary>
/// The JSON report, schema version 1 (documented in the README): findings with the same facts as
/// SARIF, problems, skipped entries and a summary. Never the secret.
/// </summary>
public sealed class JsonReporter : IReporter
{
    /// <summary>Schema version written in the <c>version</c> property.</summary>
    public const int SchemaVersion = 1;

    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", "hf-scan");
            json.WriteString("version", context.ToolVersion);
            json.WriteEndObject();
            if (context.ProjectRoot is not null)
            {
                json.WriteString("root", context.ProjectRoot);
            }

            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            TokenGroupJson.WriteAll(json, "tokens", report);
            WritePairs(json, "problems", report.Problems, ("path", p => p.Path), ("message", p => p.Message));
            WritePairs(json, "skipped", report.Skipped, ("path", s => s.Path), ("reason", s => s.Reason));
            json.WriteStartObject("summary");
            json.WriteNumber("findings", report.Findings.Count);
            json.WriteNumber("itemsScanned", report.ItemsScanned);
            json.WriteNumber("bytesScanned", report.BytesScanned);
            json.WriteNumber("suppressedByComment", report.SuppressedByComment);
            json.WriteNumber("suppressedByBaseline", report.SuppressedByBaseline);
            json.WriteNumber("lfsPointersNotScanned", report.LfsPointersNotScanned);
            json.WriteNumber("problems", report.Problems.Count);
            json.WriteBoolean("complete", report.IsComplete);
            json.WriteNumber("elapsedSeconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteString("code", finding.Rule.Code);
        if (finding.Repository is not null)
        {
            json.WriteString("repository", finding.Repository);
        }

        json.WriteString("path", finding.Path);
        if (finding.InnerPath is not null)
        {
            json.WriteString("innerPath", finding.InnerPath);
        }

        if (finding.WebUri is not null)
        {
            json.WriteString("url", finding.WebUri.AbsoluteUri);
        }

        if (finding.Discussion is { } discussion)
        {
            json.WriteStartObject("discussion");
            json.WriteNumber("num", discussion.Num);
            json.WriteString("event", discussion.Event);
            json.WriteString("author", discussion.Author);
            json.WriteEndObject();
        }

        if (finding.IsTextual)
        {
            json.WriteNumber("line", finding.Line!.Value);
            json.WriteNumber("column", finding.Column!.Value);
        }
        else
        {
            json.WriteNull("line");
            json.WriteNull("column");
        }

        json.WriteNumber("byteOffset", finding.ByteOffset);
        json.WriteString("encoding", finding.Form switch
        {
            Detection.ByteForm.Utf16LE => "utf-16le",
            Detection.ByteForm.Utf16BE => "utf-16be",
            _ => "ascii",
        });
        json.WriteBoolean("binary", !finding.IsTextual);
        json.WriteStartArray("decoded");
        foreach (string encoding in finding.Decoded)
        {
            json.WriteStringValue(encoding);
        }

        json.WriteEndArray();
        json.WriteString("redacted", finding.Secret.Redacted);
        json.WriteString("fingerprint", finding.Secret.Fingerprint);
        if (finding.Commit is { } commit)
        {
            json.WriteStartObject("commit");
            json.WriteString("id", commit.CommitId);
            json.WriteString("objectId", commit.ObjectId);
            json.WriteString("author", commit.Author);
            if (commit.Date is { } date)
            {
                json.WriteString("date", date);
            }

            json.WriteNumber("commitCount", commit.CommitCount);
            json.WriteNumber("tokenCommitCount", commit.TokenCommitCount);
            json.WriteBoolean("unreachable", commit.Unreachable);
            json.WriteBoolean("inMessage", commit.InMessage);
            if (commit.Refs is { } refs)
            {
                WriteStrings(json, "refs", refs);
            }

            WriteStrings(json, "pathsAtHead", commit.PathsAtHead);
            json.WriteEndObject();
        }

        if (finding.Verification is { } verification)
        {
            WriteVerification(json, verification);
        }

        json.WriteString("remediation", Remediation.For(finding));
        json.WriteEndObject();
    }

    private static void WriteVerification(Utf8JsonWriter json, Verification.TokenVerification verification)
    {
        json.WriteStartObject("verification");
        json.WriteString("status", VerificationText.Status(verification));
        json.WriteString("severity", VerificationText.Severity(verification));
        json.WriteString("summary", VerificationText.Summary(verification));
        if (verification.Reason is not null)
        {
            json.WriteString("reason", verification.Reason);
        }

        if (verification.Status == Verification.TokenStatus.Live)
        {
            json.WriteString("role", verification.Role);
            json.WriteString("authType", verification.AuthType);
            json.WriteString("displayName", verification.DisplayName);
            json.WriteBoolean("canWrite", verification.CanWrite);
            if (verification.Owner is { } owner)
            {
                json.WriteStartObject("owner");
                json.WriteString("name", owner.Name);
                json.WriteString("type", owner.Type);
                json.WriteEndObject();
            }

            json.WriteStartArray("scopes");
            foreach (var scope in verification.Scopes)
            {
                json.WriteStartObject();
                json.WriteString("entityType", scope.EntityType);
                json.WriteString("entity", scope.EntityName);
                WriteStrings(json, "permissions", scope.Permissions);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteStrings(json, "globalPermissions", verification.GlobalPermissions);
            WritePairs(json, "orgs", verification.Orgs, ("name", o => o.Name), ("roleInOrg", o => o.RoleInOrg));
            WriteReach(json, verification.Reach);
        }

        json.WriteEndObject();
    }

    private static void WriteReach(Utf8JsonWriter json, IReadOnlyList<Verification.OwnerReach> reaches)
    {
        json.WriteStartArray("reach");
        foreach (var reach in reaches)
        {
            json.WriteStartObject();
            json.WriteString("owner", reach.Owner);
            json.WriteString("role", reach.Role);
            foreach (var kind in Verification.HubRepositoryKinds.All)
            {
                WriteCount(json, kind.ApiSegment(), reach.Visible.GetValueOrDefault(kind));
            }

            WriteCount(json, "writable", reach.Writable);
            json.WriteBoolean("complete", reach.Complete);
            if (reach.Error is not null)
            {
                json.WriteString("error", reach.Error);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCount(Utf8JsonWriter json, string name, Verification.RepositoryCount count)
    {
        json.WriteStartObject(name);
        json.WriteNumber("public", count.Public);
        json.WriteNumber("private", count.Private);
        json.WriteEndObject();
    }

    /// <summary>An array of objects with two string properties each.</summary>
    private static void WritePairs<T>(
        Utf8JsonWriter json, string name, IEnumerable<T> items, (string Key, Func<T, string?> Value) first, (string Key, Func<T, string?> Value) second)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString(first.Key, first.Value(item));
            json.WriteString(second.Key, second.Value(item));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
