using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.MemoryMappedFiles;

namespace HfSecretScan.Git.Packs;

/// <summary>
/// One worker's view of a <c>.pack</c> file, mapped into memory as git itself reads packs: entry
/// headers are parsed and entry data inflated (System.IO.Compression, zlib-ng) straight from the
/// mapping, with no read call or copy per object. Mapping is safe for packs, unlike for working-tree
/// files: git never changes a pack in place (it writes new packs and deletes old ones, and a deleted
/// file stays mapped). Each entry's compressed data ends where the next entry starts (known from the index).
/// Not thread-safe.
/// </summary>
internal sealed unsafe class PackFile : IDisposable
{
    private const int HeaderLength = 12;
    private const int LongestEntryHeader = 32;

    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;

    private PackFile(PackIndex index, MemoryMappedFile map, MemoryMappedViewAccessor view, byte* start, long dataEnd)
    {
        Index = index;
        _map = map;
        _view = view;
        _start = start;
        DataEnd = dataEnd;
    }

    /// <summary>The pack's index.</summary>
    public PackIndex Index { get; }

    /// <summary>Where entry data ends (the trailing checksum starts).</summary>
    public long DataEnd { get; }

    /// <summary>Opens the pack of <paramref name="index"/> and checks its header against the index.</summary>
    public static PackFile Open(PackIndex index)
    {
        MemoryMappedFile? map = null;
        MemoryMappedViewAccessor? view = null;
        bool acquired = false;
        try
        {
            long length;
            using (var handle = File.OpenHandle(index.PackPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                length = RandomAccess.GetLength(handle);
                if (length < HeaderLength + 20)
                {
                    throw new InvalidDataException($"{index.PackPath}: not a pack file (only {length} bytes)");
                }

                map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            }

            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            acquired = true;
            start += view.PointerOffset;

            var header = new ReadOnlySpan<byte>(start, HeaderLength);
            if (!header[..4].SequenceEqual("PACK"u8))
            {
                throw new InvalidDataException($"{index.PackPath}: not a pack file");
            }

            uint version = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            uint count = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
            if (version is not (2 or 3) || count != index.Count)
            {
                throw new InvalidDataException($"{index.PackPath}: version {version} with {count} objects does not match its index ({index.Count} objects)");
            }

            return new PackFile(index, map, view, start, length - 20);
        }
        catch
        {
            if (acquired)
            {
                view!.SafeMemoryMappedViewHandle.ReleasePointer();
            }

            view?.Dispose();
            map?.Dispose();
            throw;
        }
    }

    /// <summary>Reads the header of the entry at <paramref name="offset"/>.</summary>
    public PackEntryHeader ReadHeader(long offset)
    {
        if (offset < HeaderLength || offset >= DataEnd)
        {
            throw Corrupt(offset, "no entry can start there (truncated pack?)");
        }

        try
        {
            return PackEntryHeader.Parse(new ReadOnlySpan<byte>(_start + offset, (int)Math.Min(LongestEntryHeader, DataEnd - offset)), offset);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    /// <summary>The length of the entry's inflated data, when an array can hold it.</summary>
    /// <exception cref="InvalidDataException">It is too large to hold whole.</exception>
    public int LengthToHold(long offset, PackEntryHeader header) =>
        header.Size <= Array.MaxLength ? (int)header.Size : throw Corrupt(offset, $"an entry of {header.Size} bytes is too large to hold whole");

    /// <summary>
    /// Inflates the data of the entry at <paramref name="offset"/> (a whole object or a delta) into
    /// <paramref name="destination"/>, which is exactly as long as the header says.
    /// </summary>
    public void InflateInto(long offset, PackEntryHeader header, Span<byte> destination)
    {
        try
        {
            using var inflater = new ZLibStream(Compressed(offset, header), CompressionMode.Decompress);
            int inflated = inflater.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
            if (inflated != header.Size)
            {
                throw new InvalidDataException($"inflates to {inflated} bytes, its header says {header.Size}");
            }
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    /// <summary>A stream of the inflated data of a whole entry, inflated as it is read (for very large blobs).</summary>
    public Stream OpenInflated(long offset, PackEntryHeader header)
    {
        try
        {
            return new ZLibStream(Compressed(offset, header), CompressionMode.Decompress);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }

    private UnmanagedMemoryStream Compressed(long offset, PackEntryHeader header)
    {
        long end = Index.EndOf(offset, DataEnd);
        if (end > DataEnd)
        {
            throw new InvalidDataException("entry runs past the end of the pack (truncated pack?)");
        }

        return new UnmanagedMemoryStream(_start + header.DataOffset, end - header.DataOffset);
    }

    private InvalidDataException Corrupt(long offset, string why) => new($"{Index.PackPath} at offset {offset}: {why}");
}
