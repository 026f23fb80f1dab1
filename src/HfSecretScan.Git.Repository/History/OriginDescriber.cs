using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>Builds the <see cref="CommitOrigin"/> of a finding: author, date and how many commits carry the blob.</summary>
internal sealed class OriginDescriber(ObjectReader reader, IReadOnlyDictionary<ObjectId, int> commitCounts)
{
    public CommitOrigin Describe(ObjectId objectId, ObjectId? commitId, bool unreachable)
    {
        var commit = commitId is null ? null : reader.TryReadCommit(RawId.From(commitId));
        int count = commit is null ? 0 : 1;
        if (!unreachable && commitCounts.TryGetValue(objectId, out int carried))
        {
            count = Math.Max(count, carried);
        }

        return new CommitOrigin
        {
            CommitId = commitId?.Sha,
            ObjectId = objectId.Sha,
            Author = commit?.Author is { } author ? $"{author.Name} <{author.Email}>" : null,
            Date = commit?.Author?.When,
            CommitCount = count,
            Unreachable = unreachable,
        };
    }
}
