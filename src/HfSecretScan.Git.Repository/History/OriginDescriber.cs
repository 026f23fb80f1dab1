using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Builds the <see cref="CommitOrigin"/> of a finding: the commit that introduced it with its author
/// and date, how many commits carry it, which refs reach it and where HEAD holds it.
/// </summary>
internal sealed class OriginDescriber(ObjectReader reader, TokenPresence presence, IReadOnlyDictionary<ObjectId, List<string>> tagRefs, bool knowsRefs)
{
    /// <summary>The origin of a token with fingerprint <paramref name="fingerprint"/> in a blob.</summary>
    public CommitOrigin DescribeBlob(BlobOrigin origin, string fingerprint)
    {
        var blob = RawId.From(origin.BlobId);
        return Describe(origin.BlobId, origin.CommitId, origin.Unreachable, fingerprint) with
        {
            Refs = origin.Unreachable ? Unreached : presence.RefsHoldingBlob(blob),
            PathsAtHead = origin.Unreachable ? [] : presence.PathsAtHead(blob),
        };
    }

    /// <summary>The origin of a token with fingerprint <paramref name="fingerprint"/> in a commit or tag message.</summary>
    public CommitOrigin DescribeMessage(MessageSource message, string fingerprint)
    {
        bool isTag = message.ObjectId != message.CommitId;
        IReadOnlyList<string>? refs = message.Unreachable ? Unreached
            : isTag ? knowsRefs ? [.. tagRefs.GetValueOrDefault(message.ObjectId, []).Distinct().Order(StringComparer.Ordinal)] : null
            : message.CommitId is { } commit ? presence.RefsHoldingCommit(RawId.From(commit)) : Unreached;
        return Describe(message.ObjectId, message.CommitId, message.Unreachable, fingerprint) with { Refs = refs, InMessage = true };
    }

    private IReadOnlyList<string>? Unreached => knowsRefs ? [] : null;

    private CommitOrigin Describe(ObjectId objectId, ObjectId? commitId, bool unreachable, string fingerprint)
    {
        var commit = commitId is null ? null : reader.TryReadCommit(RawId.From(commitId));
        int count = commit is null ? 0 : 1;
        if (!unreachable)
        {
            count = Math.Max(count, presence.CommitsCarrying(RawId.From(objectId)));
        }

        return new CommitOrigin
        {
            CommitId = commitId?.Sha,
            ObjectId = objectId.Sha,
            Author = commit?.Author is { } author ? $"{author.Name} <{author.Email}>" : null,
            Date = commit?.Author?.When,
            CommitCount = count,
            TokenCommitCount = Math.Max(count, presence.CommitsCarryingToken(fingerprint)),
            Unreachable = unreachable,
        };
    }
}
