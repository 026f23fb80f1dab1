using System.Text.Json;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// A <see cref="TokenGroup"/> as JSON: the object in the JSON report's <c>tokens</c> array, which
/// the HTML report embeds too. Its places are indices into the report's findings.
/// </summary>
public static class TokenGroupJson
{
    /// <summary>Writes every group of <paramref name="report"/> as the array <paramref name="name"/>.</summary>
    public static void WriteAll(Utf8JsonWriter json, string name, ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(report);
        var index = new Dictionary<Finding, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < report.Findings.Count; i++)
        {
            index[report.Findings[i]] = i;
        }

        json.WriteStartArray(name);
        foreach (var group in TokenGroup.Of(report.Findings))
        {
            Write(json, group, index);
        }

        json.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter json, TokenGroup group, Dictionary<Finding, int> index)
    {
        json.WriteStartObject();
        json.WriteString("fingerprint", group.Fingerprint);
        json.WriteString("ruleId", group.Rule.Id);
        json.WriteString("redacted", group.Secret.Redacted);
        if (group.Verification is { } verification)
        {
            json.WriteStartObject("verification");
            json.WriteString("status", VerificationText.Status(verification));
            json.WriteString("severity", VerificationText.Severity(verification));
            json.WriteString("summary", VerificationText.Summary(verification));
            json.WriteString("role", verification.Role ?? verification.AuthType);
            json.WriteEndObject();
        }

        json.WriteNumber("places", group.Findings.Count);
        if (group.Repositories.Count > 0)
        {
            json.WriteStartArray("repositories");
            foreach (string repository in group.Repositories)
            {
                json.WriteStringValue(repository);
            }

            json.WriteEndArray();
        }

        json.WriteNumber("files", group.FileCount);
        json.WriteNumber("messages", group.MessageCount);
        json.WriteNumber("versions", group.VersionCount);
        json.WriteNumber("commits", group.CommitCount);
        json.WriteString("counts", TokenGroupText.Counts(group));
        if (group.FirstCommit is { CommitId: { } id } first)
        {
            json.WriteStartObject("firstCommit");
            json.WriteString("id", id);
            json.WriteString("author", first.Author);
            if (first.Date is { } date)
            {
                json.WriteString("date", date);
            }

            json.WriteEndObject();
        }

        if (group.LastDate is { } last)
        {
            json.WriteString("lastDate", last);
        }

        json.WriteString("reach", TokenGroupText.ReachName(group.Reach));
        json.WriteString("reachText", TokenGroupText.Reach(group));
        json.WriteStartArray("atHead");
        foreach (var (path, line) in group.AtHead)
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            if (line is { } l)
            {
                json.WriteNumber("line", l);
            }
            else
            {
                json.WriteNull("line");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("refs");
        foreach (string name in group.Refs)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in group.Findings)
        {
            json.WriteNumberValue(index[finding]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
