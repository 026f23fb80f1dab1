using HfSecretScan.Findings;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>Builds the <see cref="CommitOrigin"/> of a finding: author, date and how many commits carry the blob.</summary>
internal sealed class OriginDescriber(Repository repository, IReadOnlyDictionary<ObjectId, int> commitCounts)
{
    public CommitOrigin Describe(ObjectId objectId, ObjectId? commitId, bool unreachable)
    {
        var commit = commitId is null ? null : repository.Lookup<Commit>(commitId);
        int count = commit is null ? 0 : 1;
        if (!unreachable && commitCounts.TryGetValue(objectId, out int carried))
        {
            count = Math.Max(count, carried);
        }

        return new CommitOrigin
        {
            CommitId = commitId?.Sha,
            ObjectId = objectId.Sha,
            Author = commit is null ? null : $"{commit.Author.Name} <{commit.Author.Email}>",
            Date = commit?.Author.When,
            CommitCount = count,
            Unreachable = unreachable,
        };
    }
}
