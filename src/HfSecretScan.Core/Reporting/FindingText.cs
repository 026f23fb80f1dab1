using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>The words every format uses for a finding, so they say the same thing.</summary>
public static class FindingText
{
    /// <summary>
    /// Where the finding is, as <c>path:line:column</c>, <c>path:@offset</c> for binary content,
    /// prefixed with the commit for history and with the repository in a Hub audit
    /// (<c>spaces/acme/demo@0123456789ab:app.py:3:9</c>, <c>acme/model-x#3 (comment 2):1:5</c>);
    /// names as <see cref="DisplayText"/> shows them.
    /// </summary>
    public static string Location(Finding finding)
    {
        string position = finding.IsTextual ? $"{finding.Line}:{finding.Column}" : $"@{finding.ByteOffset}";
        if (finding.Discussion is { } discussion)
        {
            return $"{DisplayText.Quote(finding.Repository ?? string.Empty)}#{discussion.Num} ({discussion.Event}):{position}";
        }

        string located = $"{DisplayText.Quote(finding.Path)}:{position}";
        if (finding.Commit is not { } commit)
        {
            return finding.Repository is { } bare ? $"{DisplayText.Quote(bare)}:{located}" : located;
        }

        string revision = commit.CommitId is { } id ? ShortId(id) : $"{ShortId(commit.ObjectId)} (unreachable)";
        return finding.Repository is { } repository ? $"{DisplayText.Quote(repository)}@{revision}:{located}" : $"{revision}:{located}";
    }

    /// <summary>An object id as reports show it: its first 12 characters.</summary>
    public static string ShortId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id[..Math.Min(12, id.Length)];
    }

    /// <summary>One sentence naming the token and how it was stored.</summary>
    public static string Message(Finding finding)
    {
        string message = finding.Decoded.Count == 0
            ? $"{finding.Rule.Name} {Redacted(finding)}"
            : $"{finding.Rule.Name} {Redacted(finding)}, encoded as {Encodings(finding)}";

        // Formats that point at the outer file (an editor, code scanning) learn the member here.
        return finding.InnerPath is { } inner
            ? $"{message}, inside the archive at {MemberPosition(finding, inner)}"
            : message;
    }

    /// <summary>Where in an archive's member the finding is, <c>member:line:column</c> or <c>member:@offset</c>, the member as <see cref="DisplayText"/> shows it.</summary>
    public static string MemberPosition(Finding finding, string inner)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string member = DisplayText.Quote(inner);
        return finding.IsTextual ? $"{member}:{finding.Line}:{finding.Column}" : $"{member}:@{finding.ByteOffset}";
    }

    /// <summary>The rule's id, followed by the encodings it was found under when it was decoded: <c>hf-user-token (base64)</c>.</summary>
    public static string Rule(Finding finding) => finding.Decoded.Count == 0 ? finding.Rule.Id : $"{finding.Rule.Id} ({Encodings(finding)})";

    /// <summary>The encoding chain, outermost first: <c>base64, hex</c>.</summary>
    public static string Encodings(Finding finding) => string.Join(", ", finding.Decoded);

    /// <summary>The redacted token, how it was stored when that was in binary content, and the verification verdict when there is one.</summary>
    public static string Redacted(Finding finding)
    {
        string form = finding.Form switch
        {
            ByteForm.Utf16LE when !finding.IsTextual => " (UTF-16LE, in binary content)",
            ByteForm.Ascii when !finding.IsTextual => " (in binary content)",
            _ => string.Empty,
        };
        string verdict = finding.Verification is { } verification ? $" [{VerificationText.Summary(verification)}]" : string.Empty;
        return finding.Secret.Redacted + form + verdict;
    }

    /// <summary>Human-readable size.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB",
    };
}
