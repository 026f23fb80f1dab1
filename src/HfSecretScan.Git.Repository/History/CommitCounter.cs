using System.Collections;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Counts the commits whose tree holds each of some blobs, over the <see cref="TreeGraph"/> the walk
/// recorded: each distinct tree is visited once (remembering which of the blobs it holds).
/// </summary>
internal static class CommitCounter
{
    /// <summary>
    /// For each of <paramref name="blobs"/>, how many commits carry it at any path, given the root tree
    /// of each commit; trees the walk did not record are read with <paramref name="reader"/>, and
    /// unreadable ones count as holding nothing.
    /// </summary>
    public static Dictionary<ObjectId, int> Count(TreeGraph graph, ObjectReader reader, IReadOnlyList<ObjectId> commitTrees, IReadOnlyCollection<ObjectId> blobs)
    {
        var distinct = blobs.Distinct().ToArray();
        var counts = distinct.ToDictionary(id => id, _ => 0);
        if (distinct.Length == 0)
        {
            return counts;
        }

        var bitOfBlob = new Dictionary<int, int>();
        for (int bit = 0; bit < distinct.Length; bit++)
        {
            bitOfBlob[graph.BlobIndex(RawId.From(distinct[bit]))] = bit;
        }

        var memo = new Dictionary<int, BitArray>();
        var perBit = new int[distinct.Length];
        foreach (var tree in commitTrees)
        {
            var held = Holds(graph, reader, graph.TreeIndex(RawId.From(tree)), bitOfBlob, memo);
            for (int bit = 0; bit < perBit.Length; bit++)
            {
                if (held[bit])
                {
                    perBit[bit]++;
                }
            }
        }

        for (int bit = 0; bit < distinct.Length; bit++)
        {
            counts[distinct[bit]] = perBit[bit];
        }

        return counts;
    }

    private static BitArray Holds(TreeGraph graph, ObjectReader reader, int tree, Dictionary<int, int> bitOfBlob, Dictionary<int, BitArray> memo)
    {
        if (memo.TryGetValue(tree, out var known))
        {
            return known;
        }

        var node = graph.NodeAt(tree, reader);
        var held = new BitArray(bitOfBlob.Count);
        foreach (int blob in node.Blobs)
        {
            if (bitOfBlob.TryGetValue(blob, out int bit))
            {
                held[bit] = true;
            }
        }

        foreach (int subtree in node.Subtrees)
        {
            held.Or(Holds(graph, reader, subtree, bitOfBlob, memo));
        }

        memo[tree] = held;
        return held;
    }
}
