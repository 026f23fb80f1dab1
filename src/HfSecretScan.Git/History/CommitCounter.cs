using System.Collections;
using HfSecretScan.Git.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>
/// Counts the commits whose tree holds each of some blobs, in one pass over the commits that
/// reads each distinct tree once (remembering which of the blobs each tree holds).
/// </summary>
internal static class CommitCounter
{
    /// <summary>For each of <paramref name="blobs"/>, how many of <paramref name="commits"/> carry it at any path; unreadable objects count as not carrying it.</summary>
    public static Dictionary<ObjectId, int> Count(ObjectReader reader, IReadOnlyList<ObjectId> commits, IReadOnlyCollection<ObjectId> blobs)
    {
        var wanted = blobs.Distinct().Select((id, bit) => (id, bit)).ToDictionary(p => p.id, p => p.bit);
        var counts = wanted.Keys.ToDictionary(id => id, _ => 0);
        if (wanted.Count == 0)
        {
            return counts;
        }

        var memo = new Dictionary<ObjectId, BitArray>();
        foreach (var id in commits)
        {
            var held = Read(() => reader.TryReadCommit(id)) is { } commit ? Holds(reader, commit.TreeId, wanted, memo) : new BitArray(wanted.Count);
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

    private static BitArray Holds(ObjectReader reader, ObjectId tree, Dictionary<ObjectId, int> wanted, Dictionary<ObjectId, BitArray> memo)
    {
        if (memo.TryGetValue(tree, out var known))
        {
            return known;
        }

        var held = new BitArray(wanted.Count);
        foreach (var entry in Read(() => reader.TryReadTree(tree)) ?? [])
        {
            if (entry.Kind == TreeEntryKind.Blob && wanted.TryGetValue(entry.Id, out int bit))
            {
                held[bit] = true;
            }
            else if (entry.Kind == TreeEntryKind.Tree)
            {
                held.Or(Holds(reader, entry.Id, wanted, memo));
            }
        }

        memo[tree] = held;
        return held;
    }

    // The walk already reported unreadable commits and trees.
    private static T? Read<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }
}
