using System.Buffers;
using HfSecretScan.Content;
using HfSecretScan.Git.Storage.Packs;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// One worker's reader of an <see cref="ObjectStore"/>: its own cache of delta bases, so reading a
/// pack in order resolves each delta against a base already in memory. Deltas (by offset or by id, across packs and loose objects) are applied in managed
/// code. Corrupt data throws <see cref="CorruptObjectException"/> naming the pack, the offset and the object.
/// Objects read from packs live in buffers this reader reuses: an object it returns is valid until
/// the next read. Not thread-safe.
/// </summary>
internal sealed class ObjectReader(ObjectStore store, long cacheBytes)
{
    /// <summary>Whole (non-delta) blobs above this size are scanned while they inflate, never held whole.</summary>
    public const long StreamingThreshold = 64L << 20;

    // Longer chains than git ever writes (its default --depth is 50, its maximum 4095) are refused
    // as corrupt; a shorter chain that comes back to an entry is a cycle, said to be one.
    private const int MaxChainLength = 10_000;

    private readonly DeltaBaseCache _cache = new(cacheBytes);
    private readonly List<(int Pack, long Offset, PackEntryHeader Header)> _chain = [];
    private readonly HashSet<(int Pack, long Offset)> _onChain = [];

    // Whole small entries of the chain being resolved, by link (0: the object asked for); longer
    // chains than this read their further links' data apart, so a hostile chain costs no memory here.
    private const int EntriesKept = 64;
    private readonly List<PackBytes> _entries = [];

    // The buffer of an object the last read returned without caching it: given back at the next read.
    private byte[]? _lent;

    /// <summary>Reads an object whole, or returns null when the object database does not hold it.</summary>
    public RawObject? TryRead(RawId id) => store.Locate(id) is { } location ? Read(location) : null;

    /// <summary>Reads and parses a commit, or returns null when the object database does not hold it.</summary>
    /// <exception cref="InvalidDataException">It is corrupt or not a commit.</exception>
    public RawCommit? TryReadCommit(RawId id) =>
        TryRead(id, RawObjectType.Commit) is { } found ? RawCommit.Parse(id, found.Span) : null;

    /// <summary>Reads and parses a tree, or returns null when the object database does not hold it.</summary>
    /// <exception cref="InvalidDataException">It is corrupt or not a tree.</exception>
    public List<RawTreeEntry>? TryReadTree(RawId id) =>
        TryReadTreeContent(id) is { } found ? RawTreeEntry.Parse(id, found.Span) : null;

    /// <summary>Reads a tree's content unparsed (valid until the next read), or returns null when the object database does not hold it.</summary>
    /// <exception cref="InvalidDataException">It is corrupt or not a tree.</exception>
    public RawObject? TryReadTreeContent(RawId id) => TryRead(id, RawObjectType.Tree);

    /// <summary>Reads the object stored at <paramref name="location"/> whole.</summary>
    public RawObject Read(ObjectLocation location) =>
        location.LoosePath is { } loose ? LooseObject.Read(loose) : ReadPacked(location.Pack, location.Offset);

    private RawObject? TryRead(RawId id, RawObjectType expected)
    {
        if (TryRead(id) is not { } found)
        {
            return null;
        }

        return found.Type == expected ? found : throw new InvalidDataException($"{id.Sha} is a {found.Type}, not a {expected}");
    }

    /// <summary>
    /// The type of the pack entry at <paramref name="offset"/>, read from entry headers only (a delta has
    /// its base's type); <paramref name="known"/> remembers every entry resolved on the way.
    /// </summary>
    /// <param name="pack">The pack.</param>
    /// <param name="offset">The entry.</param>
    /// <param name="known">Types found so far.</param>
    /// <param name="window">For headers read in pack order: read from this window (see <see cref="PackFile.ReadHeader(long, PackBytes)"/>).</param>
    /// <exception cref="InvalidDataException">A header is corrupt or a delta's base is missing.</exception>
    public RawObjectType PackedTypeOf(int pack, long offset, Dictionary<(int Pack, long Offset), RawObjectType> known, PackBytes? window = null)
    {
        _chain.Clear();
        int at = pack;
        long where = offset;
        RawObjectType type;
        while (!known.TryGetValue((at, where), out type))
        {
            var file = PackAt(at);
            var header = window is null ? file.ReadHeader(where) : file.ReadHeader(where, window);
            if (!header.IsDelta)
            {
                type = header.ObjectType;
                break;
            }

            if (StepToBase(file, offset, header, ref at, ref where) is { } loose)
            {
                using (LooseObject.Open(loose, out type, out _))
                {
                    // Only the header was inflated.
                }

                break;
            }
        }

        known[(at, where)] = type;
        foreach (var (chainPack, chainOffset, _) in _chain)
        {
            known[(chainPack, chainOffset)] = type;
        }

        return type;
    }

    /// <summary>The type of the object stored at <paramref name="location"/>, read from headers only (see <see cref="PackedTypeOf"/>).</summary>
    /// <exception cref="InvalidDataException">A header is corrupt or a delta's base is missing.</exception>
    public RawObjectType TypeOf(ObjectLocation location, Dictionary<(int Pack, long Offset), RawObjectType> known)
    {
        if (location.LoosePath is not { } loose)
        {
            return PackedTypeOf(location.Pack, location.Offset, known);
        }

        using (LooseObject.Open(loose, out var type, out _))
        {
            // Only the header was inflated.
            return type;
        }
    }

    /// <summary>
    /// A blob as scan content: in memory, or for a whole blob larger than
    /// <see cref="StreamingThreshold"/> inflated as it is read (dispose it when done).
    /// </summary>
    public IScanContent OpenBlob(ObjectLocation location)
    {
        if (location.LoosePath is { } loose)
        {
            long size;
            using (LooseObject.Open(loose, out _, out size))
            {
                // Only the header was inflated.
            }

            if (size > StreamingThreshold)
            {
                return new InflatingContent(() => LooseObject.Open(loose, out _, out _));
            }

            return new MemoryContent(LooseObject.Read(loose).Memory);
        }

        GiveBackLent();
        if (_cache.TryGet(location.Pack, location.Offset, out var cached))
        {
            return new MemoryContent(cached.Memory);
        }

        var file = PackAt(location.Pack);
        var header = file.ReadEntry(location.Offset, EntryAt(0)!);
        if (!header.IsDelta && header.Size > StreamingThreshold)
        {
            return new InflatingContent(() => file.OpenInflated(location.Offset, header));
        }

        return new MemoryContent(Resolve(location.Pack, location.Offset, header).Memory);
    }

    /// <summary>Reads the pack entry at <paramref name="offset"/> whole, resolving its delta chain; valid until the next read.</summary>
    private RawObject ReadPacked(int pack, long offset)
    {
        GiveBackLent();
        return _cache.TryGet(pack, offset, out var cached) ? cached : Resolve(pack, offset, PackAt(pack).ReadEntry(offset, EntryAt(0)!));
    }

    /// <summary>Builds the uncached pack entry at <paramref name="offset"/>, whose header is <paramref name="first"/> (read with <see cref="PackFile.ReadEntry"/> into link 0).</summary>
    private RawObject Resolve(int pack, long offset, PackEntryHeader first)
    {
        _chain.Clear();
        RawObject result;
        bool resultIsLoose = false;
        int at = pack;
        long where = offset;
        var header = first;
        while (true)
        {
            var file = PackAt(at);
            if (!header.IsDelta)
            {
                int length = file.LengthToHold(where, header);
                var buffer = _cache.Rent(length);
                try
                {
                    file.InflateInto(where, header, buffer.AsSpan(0, length), EntryAt(_chain.Count));
                }
                catch
                {
                    _cache.Return(buffer);
                    throw;
                }

                result = new RawObject(header.ObjectType, buffer, length);
                break;
            }

            if (StepToBase(file, offset, header, ref at, ref where) is { } loose)
            {
                result = LooseObject.Read(loose);
                resultIsLoose = true;
                break;
            }

            if (_cache.TryGet(at, where, out result))
            {
                return ApplyChain(result, owned: false);
            }

            header = EntryAt(_chain.Count) is { } entry ? PackAt(at).ReadEntry(where, entry) : PackAt(at).ReadHeader(where);
        }

        // The base: cached when it came from a pack (it is the base of this chain and likely of the next).
        return ApplyChain(result, owned: !resultIsLoose && !_cache.TryAdd(at, where, result));
    }

    /// <summary>
    /// Applies the deltas of the chain just walked (last first) to <paramref name="result"/>, caching each
    /// object on the way. <paramref name="owned"/>: the base's buffer came from the cache's Rent and the
    /// cache does not hold it, so it is given back once the next object is built from it.
    /// </summary>
    private RawObject ApplyChain(RawObject result, bool owned)
    {
        for (int i = _chain.Count - 1; i >= 0; i--)
        {
            var (deltaPack, deltaOffset, deltaHeader) = _chain[i];
            var file = PackAt(deltaPack);
            int deltaLength = file.LengthToHold(deltaOffset, deltaHeader);
            byte[] delta = ArrayPool<byte>.Shared.Rent(deltaLength);
            byte[]? next = null;
            try
            {
                file.InflateInto(deltaOffset, deltaHeader, delta.AsSpan(0, deltaLength), EntryAt(i));
                var instructions = delta.AsSpan(0, deltaLength);
                int length = DeltaPatch.ResultSize(instructions, result.Length);
                next = _cache.Rent(length);
                DeltaPatch.Apply(result.Span, instructions, next.AsSpan(0, length));
                if (owned)
                {
                    _cache.Return(result.Buffer);
                }

                result = new RawObject(result.Type, next, length);
                next = null;
                owned = !_cache.TryAdd(deltaPack, deltaOffset, result);
            }
            catch (InvalidDataException e)
            {
                throw file.Corrupt(deltaOffset, e.Message);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(delta);
                if (next is not null)
                {
                    _cache.Return(next);
                }
            }
        }

        if (owned)
        {
            _lent = result.Buffer;
        }

        return result;
    }

    /// <summary>
    /// Adds the delta entry at (<paramref name="at"/>, <paramref name="where"/>) to the chain being walked
    /// and moves there to its base; returns the base's loose file when the base is a loose object.
    /// </summary>
    private string? StepToBase(PackFile file, long offset, PackEntryHeader header, ref int at, ref long where)
    {
        if (_chain.Count == 0)
        {
            _onChain.Clear();
        }

        _chain.Add((at, where, header));
        if (!_onChain.Add((at, where)))
        {
            throw file.Corrupt(offset, $"its delta chain comes back to the entry at offset {where} of {PackAt(at).Index.PackPath} (a delta cycle)");
        }

        if (_chain.Count > MaxChainLength)
        {
            throw file.Corrupt(offset, $"delta chain longer than {MaxChainLength}");
        }

        if (header.BaseId is { } baseId)
        {
            var location = store.Locate(baseId)
                ?? throw new InvalidDataException($"{file.Index.PackPath} at offset {where}: delta base {baseId.Sha} is missing");
            if (location.LoosePath is { } loose)
            {
                return loose;
            }

            (at, where) = (location.Pack, location.Offset);
        }
        else
        {
            where = header.BaseOffset;
        }

        return null;
    }

    private void GiveBackLent()
    {
        if (_lent is not null)
        {
            _cache.Return(_lent);
            _lent = null;
        }
    }

    private PackFile PackAt(int pack) => store.PackAt(pack);

    /// <summary>The buffer of chain link <paramref name="link"/>; null past <see cref="EntriesKept"/>.</summary>
    private PackBytes? EntryAt(int link)
    {
        if (link >= EntriesKept)
        {
            return null;
        }

        while (_entries.Count <= link)
        {
            _entries.Add(new PackBytes());
        }

        return _entries[link];
    }
}
