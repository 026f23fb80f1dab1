using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>A commit or annotated tag message to scan.</summary>
/// <param name="ObjectId">The commit or tag object that holds the message.</param>
/// <param name="Label">How reports name it, e.g. <c>(commit message)</c>.</param>
/// <param name="CommitId">The commit, for a commit message; the tagged commit, for a tag.</param>
/// <param name="Text">The message.</param>
/// <param name="Unreachable">True when no ref or reflog reaches the object.</param>
public sealed record MessageSource(ObjectId ObjectId, string Label, ObjectId? CommitId, string Text, bool Unreachable)
{
    /// <summary>Label of commit messages.</summary>
    public const string CommitMessageLabel = "(commit message)";

    /// <summary>Label of an annotated tag's message.</summary>
    public static string TagLabel(string tagName) => $"(tag message {tagName})";
}
