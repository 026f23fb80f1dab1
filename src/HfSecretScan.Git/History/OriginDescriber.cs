using HfSecretScan.Findings;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>Builds the <see cref="CommitOrigin"/> of a finding: author, date and how many commits carry the blob.</summary>
internal sealed class OriginDescriber(Repository repository, IReadOnlyList<ObjectId> reachableCommits)
{
    private readonly CommitCounter _counter = new(repository, reachableCommits);
    private readonly Dictionary<ObjectId, int> _counts = [];

    public CommitOrigin Describe(ObjectId objectId, ObjectId? commitId, bool unreachable, bool countCommits = true)
    {
        var commit = commitId is null ? null : repository.Lookup<Commit>(commitId);
        int count = commit is null ? 0 : 1;
        if (countCommits && !unreachable && commit is not null)
        {
            if (!_counts.TryGetValue(objectId, out count))
            {
                count = _counts[objectId] = Math.Max(1, _counter.Count(objectId));
            }
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
