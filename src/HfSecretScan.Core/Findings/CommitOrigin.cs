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

    /// <summary>
    /// How many commits carry the finding's token in any of their files or in their message: what an
    /// auditor counts for the token, where <see cref="CommitCount"/> counts for this one blob.
    /// </summary>
    public int TokenCommitCount { get; init; }

    /// <summary>True when the token is in a commit or tag message (<see cref="ObjectId"/> is that commit or tag), not in a file.</summary>
    public bool InMessage { get; init; }

    /// <summary>True when no ref or reflog reaches the object (left by amend, rebase or force-push).</summary>
    public bool Unreachable { get; init; }

    /// <summary>
    /// The refs whose history holds the content, by full name (<c>refs/heads/main</c>,
    /// <c>refs/tags/v1</c>, <c>refs/pull/3/head</c>, <c>refs/stash</c>; <c>HEAD</c> when it is
    /// detached), in ordinal order. Empty when only reflogs or nothing reach it; null when the scan
    /// did not work it out (a range scan sees only part of the history).
    /// </summary>
    public IReadOnlyList<string>? Refs { get; init; }

    /// <summary>The paths at which HEAD's tree holds the blob; empty when HEAD does not (or for a message).</summary>
    public IReadOnlyList<string> PathsAtHead { get; init; } = [];

    /// <summary>Whether the content is still in the tree HEAD points to.</summary>
    public bool AtHead => PathsAtHead.Count > 0;
}
