using HfSecretScan.Content;
using HfSecretScan.Git.Packs;
using LibGit2Sharp;

namespace HfSecretScan.Git.Objects;

/// <summary>
/// One worker's reader of an <see cref="ObjectStore"/>: its own pack file handles and its own
/// cache of delta bases, so reading a pack in order resolves each delta against a base already
/// in memory. Deltas (by offset or by id, across packs and loose objects) are applied in managed
/// code. Corrupt data throws <see cref="InvalidDataException"/> naming the pack and offset.
/// Not thread-safe.
/// </summary>
internal sealed class ObjectReader(ObjectStore store, long cacheBytes) : IDisposable
{
    /// <summary>Whole (non-delta) blobs above this size are scanned while they inflate, never held whole.</summary>
    public const long StreamingThreshold = 64L << 20;

    // Longer chains than git ever writes (its default --depth is 50, the maximum 4095) mean a cycle.
    private const int MaxChainLength = 10_000;

    private readonly PackFile?[] _files = new PackFile?[store.Packs.Count];
    private readonly DeltaBaseCache _cache = new(cacheBytes);
    private readonly List<(int Pack, long Offset, PackEntryHeader Header)> _chain = [];

    /// <summary>The store read from.</summary>
    public ObjectStore Store => store;

    /// <summary>Reads an object whole, or returns null when the object database does not hold it.</summary>
    public RawObject? TryRead(ObjectId id) => store.Locate(id) is { } location ? Read(location) : null;

    /// <summary>Reads and parses a commit, or returns null when the object database does not hold it.</summary>
    /// <exception cref="InvalidDataException">It is corrupt or not a commit.</exception>
    public RawCommit? TryReadCommit(ObjectId id) =>
        TryRead(id, ObjectType.Commit) is { } found ? RawCommit.Parse(id, found.Data) : null;

    /// <summary>Reads and parses a tree, or returns null when the object database does not hold it.</summary>
    /// <exception cref="InvalidDataException">It is corrupt or not a tree.</exception>
    public List<RawTreeEntry>? TryReadTree(ObjectId id) =>
        TryRead(id, ObjectType.Tree) is { } found ? RawTreeEntry.Parse(id, found.Data) : null;

    /// <summary>Reads the object stored at <paramref name="location"/> whole.</summary>
    public RawObject Read(ObjectLocation location) =>
        location.LoosePath is { } loose ? LooseObject.Read(loose) : ReadPacked(location.Pack, location.Offset);

    private RawObject? TryRead(ObjectId id, ObjectType expected)
    {
        if (TryRead(id) is not { } found)
        {
            return null;
        }

        return found.Type == expected ? found : throw new InvalidDataException($"{id.Sha} is a {found.Type}, not a {expected}");
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

            return new MemoryContent(LooseObject.Read(loose).Data);
        }

        if (!_cache.TryGet(location.Pack, location.Offset, out _))
        {
            var file = PackAt(location.Pack);
            var header = file.ReadHeader(location.Offset);
            if (!header.IsDelta && header.Size > StreamingThreshold)
            {
                return new InflatingContent(() => file.OpenInflated(location.Offset, header));
            }
        }

        return new MemoryContent(ReadPacked(location.Pack, location.Offset).Data);
    }

    /// <summary>Reads the pack entry at <paramref name="offset"/> whole, resolving its delta chain.</summary>
    public RawObject ReadPacked(int pack, long offset)
    {
        if (_cache.TryGet(pack, offset, out var cached))
        {
            return cached;
        }

        _chain.Clear();
        RawObject result;
        int at = pack;
        long where = offset;
        while (true)
        {
            var file = PackAt(at);
            var header = file.ReadHeader(where);
            if (!header.IsDelta)
            {
                result = new RawObject(header.ObjectType, file.Inflate(where, header));
                _cache.Add(at, where, result);
                break;
            }

            _chain.Add((at, where, header));
            if (_chain.Count > MaxChainLength)
            {
                throw new InvalidDataException($"{file.Index.PackPath} at offset {offset}: delta chain longer than {MaxChainLength} (a cycle?)");
            }

            if (header.BaseId is { } baseId)
            {
                var location = store.Locate(baseId)
                    ?? throw new InvalidDataException($"{file.Index.PackPath} at offset {where}: delta base {baseId.Sha} is missing");
                if (location.LoosePath is { } loose)
                {
                    result = LooseObject.Read(loose);
                    break;
                }

                (at, where) = (location.Pack, location.Offset);
            }
            else
            {
                where = header.BaseOffset;
            }

            if (_cache.TryGet(at, where, out result))
            {
                break;
            }
        }

        for (int i = _chain.Count - 1; i >= 0; i--)
        {
            var (deltaPack, deltaOffset, deltaHeader) = _chain[i];
            var file = PackAt(deltaPack);
            byte[] delta = file.Inflate(deltaOffset, deltaHeader);
            try
            {
                result = new RawObject(result.Type, DeltaPatch.Apply(result.Data, delta));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{file.Index.PackPath} at offset {deltaOffset}: {e.Message}", e);
            }

            _cache.Add(deltaPack, deltaOffset, result);
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file?.Dispose();
        }
    }

    private PackFile PackAt(int pack) => _files[pack] ??= PackFile.Open(store.Packs[pack]);
}
