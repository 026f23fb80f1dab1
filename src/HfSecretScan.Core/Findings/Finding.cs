using HfSecretScan.Detection;

namespace HfSecretScan.Findings;

/// <summary>A token found somewhere, located and redacted, ready for reports.</summary>
public sealed record Finding
{
    /// <summary>The rule the token satisfies.</summary>
    public required TokenRule Rule { get; init; }

    /// <summary>The token, which prints redacted.</summary>
    public required Secret Secret { get; init; }

    /// <summary>
    /// Path for display: relative to the project root with forward slashes where possible;
    /// <c>&lt;stdin&gt;</c> for standard input. A file named after a token is redacted.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>
    /// For a token inside a container, the part of <see cref="Path"/> after the outer file: member
    /// paths joined by <c>!</c> (<c>lib/net10.0/appsettings.json</c>, <c>pkg/b.zip!c.py</c>). Null otherwise.
    /// </summary>
    public string? InnerPath { get; init; }

    /// <summary>The outer file: what an editor or code scanning can open. <see cref="Path"/> when the token is not inside a container.</summary>
    public string OuterPath => InnerPath is null ? Path : Path[..(Path.Length - InnerPath.Length - 1)];

    /// <summary>Encodings the token was found under, outermost first (<c>base64</c>, <c>hex</c>, …); empty when written as itself.</summary>
    public IReadOnlyList<string> Decoded { get; init; } = [];

    /// <summary>1-based line in text content; null in binary content.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column in UTF-16 code units of the decoded line; null in binary content.</summary>
    public int? Column { get; init; }

    /// <summary>Byte offset of the token's first byte in the content.</summary>
    public long ByteOffset { get; init; }

    /// <summary>How the token was laid out in bytes.</summary>
    public ByteForm Form { get; init; }

    /// <summary>Set when the content came from git history.</summary>
    public CommitOrigin? Commit { get; init; }

    /// <summary>
    /// The Hugging Face repository the content belongs to, as its page names it: <c>acme/model-x</c>
    /// for a model, <c>datasets/acme/data</c>, <c>spaces/acme/demo</c>; null outside a Hub audit.
    /// </summary>
    public string? Repository { get; init; }

    /// <summary>Set when the token is in a discussion or pull request of <see cref="Repository"/>.</summary>
    public DiscussionOrigin? Discussion { get; init; }

    /// <summary>The page where an auditor sees the content (the file at its commit, the discussion); null when there is none.</summary>
    public Uri? WebUri { get; init; }

    /// <summary>What Hugging Face said about the token, when verification ran.</summary>
    public Verification.TokenVerification? Verification { get; init; }

    /// <summary>Whether the finding has a line and column (text) or only a byte offset (binary).</summary>
    public bool IsTextual => Line is not null;

    /// <summary>Sort key used by every reporter: repository, path, then position.</summary>
    public static int Compare(Finding a, Finding b)
    {
        int c = string.CompareOrdinal(a.Repository, b.Repository);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Commit?.CommitId ?? a.Commit?.ObjectId, b.Commit?.CommitId ?? b.Commit?.ObjectId);
        if (c != 0)
        {
            return c;
        }

        c = Nullable.Compare(a.Discussion?.Num, b.Discussion?.Num);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Discussion?.Event, b.Discussion?.Event);
        if (c != 0)
        {
            return c;
        }

        // Tokens given one per line (revoke --stdin) have lines but no byte offsets.
        c = a.ByteOffset.CompareTo(b.ByteOffset);
        return c != 0 ? c : Nullable.Compare(a.Line, b.Line);
    }
}
