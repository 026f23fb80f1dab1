using System.Numerics;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Storage.Packs;

/// <summary>
/// Recently read pack objects by pack and offset, least recently used evicted first, bounded in
/// bytes: reading a pack in order then finds each delta's base here instead of re-inflating its chain.
/// The objects' buffers come from <see cref="Rent"/> and an evicted object's buffer is kept for the
/// next one of its size, so a long scan reuses the same arrays instead of allocating one per object:
/// objects that all stay alive for a while are the costliest kind for the garbage collector (measured:
/// a third of a history scan's CPU time went to it). <see cref="System.Buffers.ArrayPool{T}"/> does not
/// fit: it bounds the arrays per size by count, and a cache of small trees holds tens of thousands.
/// Not thread-safe: one per worker.
/// </summary>
internal sealed class DeltaBaseCache(long capacityBytes)
{
    // Sizes are powers of two from 2^4 to 2^30; larger objects get arrays of their own size and are never kept.
    private const int SmallestShift = 4;
    private const int LargestShift = 30;

    // Evictions and rents alternate, so a few free buffers per size are plenty: at most as many bytes
    // as the largest object the cache keeps, so any evicted buffer can wait for the next of its size.
    private readonly Stack<byte[]>?[] _free = new Stack<byte[]>?[LargestShift + 1];
    private long _freeBytes;

    private readonly Dictionary<(int Pack, long Offset), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bytes;

    /// <summary>A buffer of at least <paramref name="length"/> bytes for an object (not cleared).</summary>
    public byte[] Rent(int length)
    {
        int shift = ShiftFor(length);
        if (shift > LargestShift)
        {
            return GC.AllocateUninitializedArray<byte>(length);
        }

        if (_free[shift] is { Count: > 0 } kept)
        {
            _freeBytes -= 1L << shift;
            return kept.Pop();
        }

        return GC.AllocateUninitializedArray<byte>(1 << shift);
    }

    /// <summary>Keeps a buffer from <see cref="Rent"/> for reuse, unless enough are kept already.</summary>
    public void Return(byte[] buffer)
    {
        int shift = ShiftFor(buffer.Length);
        if (shift > LargestShift || buffer.Length != 1 << shift || _freeBytes + buffer.Length > capacityBytes / 4)
        {
            return;
        }

        (_free[shift] ??= new Stack<byte[]>()).Push(buffer);
        _freeBytes += buffer.Length;
    }

    /// <summary>The cached object at a pack offset, marked most recently used; valid until the next <see cref="TryAdd"/>.</summary>
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

    /// <summary>
    /// Keeps an object whose buffer came from <see cref="Rent"/>, unless it alone would take more than a
    /// quarter of the cache or the offset is already cached; true when the cache took the buffer.
    /// </summary>
    public bool TryAdd(int pack, long offset, RawObject value)
    {
        long size = value.Buffer.Length;
        if (size > capacityBytes / 4 || _entries.ContainsKey((pack, offset)))
        {
            return false;
        }

        _entries[(pack, offset)] = _recency.AddFirst(new Entry(pack, offset, value));
        _bytes += size;
        while (_bytes > capacityBytes && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove((oldest.Value.Pack, oldest.Value.Offset));
            _bytes -= oldest.Value.Object.Buffer.Length;
            Return(oldest.Value.Object.Buffer);
        }

        return true;
    }

    private static int ShiftFor(int length) => length <= 1 << SmallestShift ? SmallestShift : BitOperations.Log2((uint)length - 1) + 1;

    private sealed record Entry(int Pack, long Offset, RawObject Object);
}
