using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>
/// Counts the commits whose tree holds each of some blobs, in one pass over the commits that
/// reads each distinct tree once (remembering which of the blobs each tree holds).
/// </summary>
internal static class CommitCounter
{
    /// <summary>For each of <paramref name="blobs"/>, how many of <paramref name="commits"/> carry it at any path.</summary>
    public static Dictionary<ObjectId, int> Count(Repository repository, IReadOnlyList<ObjectId> commits, IReadOnlyCollection<ObjectId> blobs)
    {
        var wanted = blobs.Distinct().Select((id, bit) => (id, bit)).ToDictionary(p => p.id, p => p.bit);
        var counts = wanted.Keys.ToDictionary(id => id, _ => 0);
        if (wanted.Count == 0)
        {
            return counts;
        }

        var memo = new Dictionary<ObjectId, System.Collections.BitArray>();
        foreach (var id in commits)
        {
            if (repository.Lookup<Commit>(id) is not { } commit)
            {
                continue;
            }

            var held = Holds(commit.Tree, wanted, memo);
            foreach (var (blob, bit) in wanted)
            {
                if (held[bit])
                {
                    counts[blob]++;
                }
            }
        }

        return counts;
    }

    private static System.Collections.BitArray Holds(Tree tree, Dictionary<ObjectId, int> wanted, Dictionary<ObjectId, System.Collections.BitArray> memo)
    {
        if (memo.TryGetValue(tree.Id, out var known))
        {
            return known;
        }

        var held = new System.Collections.BitArray(wanted.Count);
        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Blob && wanted.TryGetValue(entry.Target.Id, out int bit))
            {
                held[bit] = true;
            }
            else if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                held.Or(Holds((Tree)entry.Target, wanted, memo));
            }
        }

        memo[tree.Id] = held;
        return held;
    }
}
