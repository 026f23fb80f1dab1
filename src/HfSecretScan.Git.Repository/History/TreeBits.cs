using System.Numerics;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Sets of small integers as arrays of 64-bit words, null for the empty set, never changed once
/// made (so commits and trees share them); and, for each tree, the set of the chosen blobs it holds
/// at any depth, worked out once per distinct tree over the <see cref="TreeGraph"/>.
/// </summary>
internal sealed class TreeBits(TreeGraph graph, ObjectReader reader, IReadOnlyDictionary<RawId, int> blobBits, int width)
{
    // By graph index, not in dictionaries: Of looks at every entry of every distinct tree once.
    private readonly int[] _bitOfBlob = BitsByBlobIndex(graph, blobBits);
    private ulong[]?[] _held = new ulong[]?[graph.TreeCount];
    private bool[] _known = new bool[graph.TreeCount];
    private readonly int _words = (width + 63) / 64;

    /// <summary>The chosen blobs <paramref name="tree"/> holds at any depth; null for none.</summary>
    public ulong[]? Of(RawId tree) => Of(graph.TreeIndex(tree));

    /// <summary>The set <paramref name="bits"/> with <paramref name="bit"/> added, as a new set.</summary>
    public ulong[] With(ulong[]? bits, int bit) => WithBit(bits ?? new ulong[_words], bit);

    /// <summary>The union of two sets; one of them itself when it holds the other.</summary>
    public static ulong[]? Union(ulong[]? a, ulong[]? b)
    {
        if (a is null || ReferenceEquals(a, b))
        {
            return b;
        }

        if (b is null || Holds(a, b))
        {
            return a;
        }

        if (Holds(b, a))
        {
            return b;
        }

        var union = new ulong[a.Length];
        for (int i = 0; i < union.Length; i++)
        {
            union[i] = a[i] | b[i];
        }

        return union;
    }

    /// <summary>The members of <paramref name="bits"/>, in increasing order.</summary>
    public static IEnumerable<int> Ones(ulong[] bits)
    {
        for (int word = 0; word < bits.Length; word++)
        {
            for (ulong rest = bits[word]; rest != 0; rest &= rest - 1)
            {
                yield return (word * 64) + BitOperations.TrailingZeroCount(rest);
            }
        }
    }

    private static ulong[] WithBit(ulong[] bits, int bit)
    {
        var copy = (ulong[])bits.Clone();
        copy[bit / 64] |= 1UL << (bit % 64);
        return copy;
    }

    /// <summary>Whether <paramref name="outer"/> holds every member of <paramref name="inner"/>.</summary>
    private static bool Holds(ulong[] outer, ulong[] inner)
    {
        for (int i = 0; i < outer.Length; i++)
        {
            if ((inner[i] & ~outer[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private ulong[]? Of(int tree)
    {
        if (tree >= _known.Length)
        {
            // Trees first met while counting (read now, not by the walk) have indices past the arrays.
            int size = Math.Max(graph.TreeCount, _known.Length * 2);
            Array.Resize(ref _known, size);
            Array.Resize(ref _held, size);
        }

        if (_known[tree])
        {
            return _held[tree];
        }

        var node = graph.NodeAt(tree, reader);
        ulong[]? held = null;
        foreach (int blob in node.Blobs)
        {
            // Chosen blobs all had their indices when this was made; a later one is none of them.
            if (blob < _bitOfBlob.Length && _bitOfBlob[blob] > 0)
            {
                held = WithBit(held ?? new ulong[_words], _bitOfBlob[blob] - 1);
            }
        }

        foreach (int subtree in node.Subtrees)
        {
            held = Union(held, Of(subtree));
        }

        _known[tree] = true;
        _held[tree] = held;
        return held;
    }

    /// <summary>Each chosen blob's bit plus one, by blob index; 0 for a blob not chosen.</summary>
    private static int[] BitsByBlobIndex(TreeGraph graph, IReadOnlyDictionary<RawId, int> blobBits)
    {
        // Indices first: a chosen blob no tree held yet gets one now, and the array must cover it.
        var indexed = blobBits.Select(b => (Index: graph.BlobIndex(b.Key), Bit: b.Value)).ToList();
        var bits = new int[graph.BlobCount];
        foreach (var (index, bit) in indexed)
        {
            bits[index] = bit + 1;
        }

        return bits;
    }
}
