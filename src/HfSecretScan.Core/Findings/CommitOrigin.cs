namespace HfSecretScan.Findings;

/// <summary>Where in git history a finding's content comes from.</summary>
public sealed record CommitOrigin
{
    /// <summary>Full id of the commit that first introduced the content; null for unreachable blobs.</summary>
    public string? CommitId { get; init; }

    /// <summary>Id of the blob (or commit, or tag, for messages) the token is in.</summary>
    public required string ObjectId { get; init; }

    /// <summary>Author of <see cref="CommitId"/>, as "Name &lt;email&gt;".</summary>
    public string? Author { get; init; }

    /// <summary>Author date of <see cref="CommitId"/>.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>How many commits carry the content.</summary>
    public int CommitCount { get; init; }

    /// <summary>True when no ref or reflog reaches the object (left by amend, rebase or force-push).</summary>
    public bool Unreachable { get; init; }
}
