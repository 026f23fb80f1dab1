using HfSecretScan.Git.Objects;

namespace HfSecretScan.Git.Packs;

/// <summary>
/// Recently read pack objects by pack and offset, least recently used evicted first, bounded in
/// bytes: reading a pack in order then finds each delta's base here instead of re-inflating its chain.
/// Not thread-safe: one per worker.
/// </summary>
internal sealed class DeltaBaseCache(long capacityBytes)
{
    private readonly Dictionary<(int Pack, long Offset), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bytes;

    /// <summary>The cached object at a pack offset, marked most recently used.</summary>
    public bool TryGet(int pack, long offset, out RawObject found)
    {
        if (_entries.TryGetValue((pack, offset), out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            found = node.Value.Object;
            return true;
        }

        found = default;
        return false;
    }

    /// <summary>Keeps an object unless it alone would take more than a quarter of the cache.</summary>
    public void Add(int pack, long offset, RawObject value)
    {
        long size = value.Data.Length;
        if (size > capacityBytes / 4 || _entries.ContainsKey((pack, offset)))
        {
            return;
        }

        _entries[(pack, offset)] = _recency.AddFirst(new Entry(pack, offset, value));
        _bytes += size;
        while (_bytes > capacityBytes && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove((oldest.Value.Pack, oldest.Value.Offset));
            _bytes -= oldest.Value.Object.Data.Length;
        }
    }

    private sealed record Entry(int Pack, long Offset, RawObject Object);
}
