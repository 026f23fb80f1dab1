using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>Counts the commits whose tree holds a blob, remembering per tree so each tree is read once per blob.</summary>
internal sealed class CommitCounter(Repository repository, IReadOnlyList<ObjectId> commits)
{
    /// <summary>How many of the commits carry <paramref name="blobId"/> at any path.</summary>
    public int Count(ObjectId blobId)
    {
        var memo = new Dictionary<ObjectId, bool>();
        int count = 0;
        foreach (var id in commits)
        {
            if (repository.Lookup<Commit>(id) is { } commit && Holds(commit.Tree, blobId, memo))
            {
                count++;
            }
        }

        return count;
    }

    private static bool Holds(Tree tree, ObjectId blobId, Dictionary<ObjectId, bool> memo)
    {
        if (memo.TryGetValue(tree.Id, out bool known))
        {
            return known;
        }

        bool holds = false;
        foreach (var entry in tree)
        {
            holds = entry.TargetType switch
            {
                TreeEntryTargetType.Blob => entry.Target.Id == blobId,
                TreeEntryTargetType.Tree => Holds((Tree)entry.Target, blobId, memo),
                _ => false,
            };
            if (holds)
            {
                break;
            }
        }

        memo[tree.Id] = holds;
        return holds;
    }
}
