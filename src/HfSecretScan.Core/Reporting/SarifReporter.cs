using System.Text.Encodings.Web;
using System.Text.Json;
using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: rules with help, results with a physical
/// location relative to the project root, and the token's SHA-256 as partial fingerprint.
/// </summary>
public sealed class SarifReporter : IReporter
{
    /// <summary>Key of the fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "hfTokenSha256/v1";

    /// <summary>The <c>uriBaseId</c> that result paths are relative to.</summary>
    public const string RootBaseId = "PROJECTROOT";

    /// <inheritdoc />
    public void Write(ScanReport report, ReportContext context, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, context);
            if (context.ProjectRoot is not null)
            {
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject(RootBaseId);
                json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(context.ProjectRoot) + Path.DirectorySeparatorChar).AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, context);
            }

            json.WriteEndArray();
            WriteInvocation(json, report);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteTool(Utf8JsonWriter json, ReportContext context)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "hf-scan");
        json.WriteString("fullName", "HfSecretScan");
        json.WriteString("semanticVersion", context.ToolVersion.Split('+')[0]);
        json.WriteString("informationUri", "https://huggingface.co/docs/hub/security-tokens");
        json.WriteStartArray("rules");
        foreach (var rule in TokenRules.All)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", string.Concat(rule.Name.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Name);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", Remediation.ForFiles + " " + Remediation.ForHistory);
            json.WriteString("markdown", $"**{rule.Name}** (`{rule.Prefix}` + {rule.BodyLength} letters and digits).\n\n1. {Remediation.ForFiles}\n2. {Remediation.ForHistory}");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", "error");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("secret");
            json.WriteStringValue(rule.Code);
            json.WriteEndArray();
            json.WriteString("precision", "very-high");
            json.WriteString("security-severity", "9.0");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, ReportContext context)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteNumber("ruleIndex", TokenRules.All.ToList().IndexOf(finding.Rule));
        json.WriteString("level", Level(finding));
        json.WriteStartObject("message");
        json.WriteString("text", $"{FindingText.Message(finding)}. {Remediation.For(finding)}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        // A Hub finding links to the page an auditor can open; others are relative to the project root (an archive: the archive).
        json.WriteString("uri", finding.WebUri?.AbsoluteUri ?? ArtifactUri(finding.OuterPath));
        if (finding.WebUri is null && context.ProjectRoot is not null && !Path.IsPathRooted(finding.OuterPath))
        {
            json.WriteString("uriBaseId", RootBaseId);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        if (finding.InnerPath is not null)
        {
            // The position is inside a member; the artifact is the archive, where only its first byte is certain.
            json.WriteNumber("byteOffset", 0);
        }
        else if (finding.IsTextual)
        {
            json.WriteNumber("startLine", finding.Line!.Value);
            json.WriteNumber("startColumn", finding.Column!.Value);

            // A decoded token's encoded form has another length, possibly over several lines: the start is what is known.
            if (finding.Decoded.Count == 0)
            {
                json.WriteNumber("endLine", finding.Line!.Value);
                json.WriteNumber("endColumn", finding.Column!.Value + finding.Rule.Length);
            }
        }
        else
        {
            json.WriteNumber("byteOffset", finding.ByteOffset);
            if (finding.Decoded.Count == 0)
            {
                json.WriteNumber("byteLength", finding.Rule.Length * (finding.Form == ByteForm.Ascii ? 1 : 2));
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, finding.Secret.Fingerprint);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("redacted", finding.Secret.Redacted);
        if (finding.InnerPath is not null)
        {
            json.WriteString("innerPath", finding.InnerPath);
        }

        if (finding.Decoded.Count > 0)
        {
            json.WriteStartArray("decoded");
            foreach (string encoding in finding.Decoded)
            {
                json.WriteStringValue(encoding);
            }

            json.WriteEndArray();
        }

        if (finding.Repository is not null)
        {
            json.WriteString("repository", finding.Repository);
        }

        if (finding.Discussion is { } discussion)
        {
            json.WriteNumber("discussion", discussion.Num);
            json.WriteString("discussionEvent", discussion.Event);
        }

        if (finding.Commit is { } commit)
        {
            if (commit.CommitId is not null)
            {
                json.WriteString("commit", commit.CommitId);
            }

            json.WriteString("objectId", commit.ObjectId);
            if (commit.Author is not null)
            {
                json.WriteString("author", commit.Author);
            }

            if (commit.Date is { } date)
            {
                json.WriteString("date", date);
            }

            json.WriteNumber("commitCount", commit.CommitCount);
            if (commit.Unreachable)
            {
                json.WriteBoolean("unreachable", true);
            }
        }

        if (finding.Verification is { } verification)
        {
            WriteVerificationProperties(json, verification);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The result level: <c>error</c> unless verification says the token is invalid (<c>note</c>) or could not tell (<c>warning</c>).</summary>
    public static string Level(Finding finding) => finding.Verification?.Status switch
    {
        Verification.TokenStatus.Invalid => "note",
        Verification.TokenStatus.Unknown => "warning",
        _ => "error",
    };

    private static void WriteVerificationProperties(Utf8JsonWriter json, Verification.TokenVerification verification)
    {
        json.WriteString("verificationStatus", VerificationText.Status(verification));
        json.WriteString("verificationSeverity", VerificationText.Severity(verification));
        if (verification.Reason is not null)
        {
            json.WriteString("verificationReason", verification.Reason);
        }

        if (verification.Status != Verification.TokenStatus.Live)
        {
            return;
        }

        json.WriteString("tokenRole", verification.Role ?? verification.AuthType);
        json.WriteBoolean("tokenCanWrite", verification.CanWrite);
        if (verification.Owner is { } owner)
        {
            json.WriteString("tokenOwner", $"{owner.Type} {owner.Name}");
        }

        json.WriteStartArray("tokenScopes");
        foreach (var scope in verification.Scopes)
        {
            json.WriteStringValue($"{scope.EntityType} {scope.EntityName}: {string.Join(", ", scope.Permissions)}");
        }

        json.WriteEndArray();
        json.WriteStartArray("tokenGlobalPermissions");
        foreach (string permission in verification.GlobalPermissions)
        {
            json.WriteStringValue(permission);
        }

        json.WriteEndArray();
        json.WriteStartArray("tokenOrgs");
        foreach (var org in verification.Orgs)
        {
            json.WriteStringValue(org.RoleInOrg is null ? org.Name : $"{org.Name} ({org.RoleInOrg})");
        }

        json.WriteEndArray();
        json.WriteStartArray("tokenReach");
        foreach (var reach in verification.Reach)
        {
            json.WriteStringValue(VerificationText.Reach(reach));
        }

        json.WriteEndArray();
        json.WriteNumber("tokenWritablePrivate", verification.Reach.Sum(r => r.Writable.Private));
        json.WriteNumber("tokenWritable", verification.Reach.Sum(r => r.Writable.Total));
    }

    private static void WriteInvocation(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.IsComplete);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var problem in report.Problems)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", problem.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ArtifactUri(problem.Path));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>A relative path as a URI reference: forward slashes, each segment percent-encoded.</summary>
    public static string ArtifactUri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }
}
