using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// The shape of the trees a walk has read: for each distinct tree, its subtrees and blobs as small
/// integers. Counting the commits that hold a blob then runs over these arrays instead of inflating
/// every tree a second time (a whole-history walk reads every tree, so the count reads none); a tree
/// the walk skipped is read when first asked for. A few bytes per tree entry.
/// </summary>
internal sealed class TreeGraph
{
    private readonly Dictionary<RawId, int> _trees = [];
    private readonly List<RawId> _treeIds = [];
    private readonly Dictionary<RawId, int> _blobs = [];
    private readonly List<Node?> _nodes = [];
    private TreeListing? _listing;

    /// <summary>The index of <paramref name="tree"/>, assigned on first mention.</summary>
    public int TreeIndex(RawId tree)
    {
        if (!_trees.TryGetValue(tree, out int index))
        {
            index = _nodes.Count;
            _trees.Add(tree, index);
            _treeIds.Add(tree);
            _nodes.Add(null);
        }

        return index;
    }

    /// <summary>The index of <paramref name="blob"/>, assigned on first mention.</summary>
    public int BlobIndex(RawId blob)
    {
        if (!_blobs.TryGetValue(blob, out int index))
        {
            index = _blobs.Count;
            _blobs.Add(blob, index);
        }

        return index;
    }

    /// <summary>Trees with an index so far (recorded or only mentioned).</summary>
    public int TreeCount => _nodes.Count;

    /// <summary>Blobs with an index so far.</summary>
    public int BlobCount => _blobs.Count;

    /// <summary>Records the tree <paramref name="listing"/> holds, as just read (its entries carry their indices).</summary>
    public void Record(TreeListing listing)
    {
        int index = TreeIndex(listing.Id);
        if (_nodes[index] is not null)
        {
            return;
        }

        int subtreeCount = 0;
        int blobCount = 0;
        foreach (var entry in listing.Entries)
        {
            subtreeCount += entry.Kind == TreeEntryKind.Tree ? 1 : 0;
            blobCount += entry.Kind == TreeEntryKind.Blob ? 1 : 0;
        }

        int[] subtrees = subtreeCount == 0 ? [] : new int[subtreeCount];
        int[] blobs = blobCount == 0 ? [] : new int[blobCount];
        subtreeCount = blobCount = 0;
        foreach (var entry in listing.Entries)
        {
            switch (entry.Kind)
            {
                case TreeEntryKind.Tree:
                    subtrees[subtreeCount++] = entry.Index;
                    break;
                case TreeEntryKind.Blob:
                    blobs[blobCount++] = entry.Index;
                    break;
            }
        }

        _nodes[index] = new Node(subtrees, blobs);
    }

    /// <summary>
    /// The subtrees and blobs of the tree at <paramref name="index"/>; a tree not recorded yet is read
    /// now with <paramref name="reader"/>, and one that cannot be read has none (the walk has reported it).
    /// </summary>
    public Node NodeAt(int index, ObjectReader reader)
    {
        if (_nodes[index] is { } known)
        {
            return known;
        }

        var listing = _listing ??= new TreeListing();
        bool read = false;
        try
        {
            read = listing.TryLoad(reader, _treeIds[index], this);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Reported by the walk that met this tree.
        }

        if (!read)
        {
            return (_nodes[index] = new Node([], [])).Value;
        }

        Record(listing);
        return _nodes[index]!.Value;
    }

    /// <summary>One tree: the indices of its subtrees and of its blobs.</summary>
    internal readonly record struct Node(int[] Subtrees, int[] Blobs);
}
