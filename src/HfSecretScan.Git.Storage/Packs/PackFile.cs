using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using HfSecretScan.Git.Storage.Objects;
using Microsoft.Win32.SafeHandles;

namespace HfSecretScan.Git.Storage.Packs;

/// <summary>
/// A <c>.pack</c> file, shared by every reader of a store: entry headers and entry data are read with
/// positioned reads (thread-safe, no shared position) and entry data is inflated with zlib
/// (System.IO.Compression, zlib-ng). Each entry's compressed data ends where the next entry starts
/// (known from the index), so it is read with one call. Not mapped into memory: mapped pages count in
/// the process's resident memory, and a history scan of a large pack would then hold the whole pack.
/// </summary>
internal sealed class PackFile : IDisposable
{
    private const int HeaderLength = 12;
    private const int LongestEntryHeader = 32;

    // Larger compressed entries are inflated straight from the file instead of through a buffer.
    private const int BufferedLimit = 16 << 20;

    private readonly SafeFileHandle _handle;

    private PackFile(PackIndex index, SafeFileHandle handle, long dataEnd)
    {
        Index = index;
        _handle = handle;
        DataEnd = dataEnd;
    }

    /// <summary>The pack's index.</summary>
    public PackIndex Index { get; }

    /// <summary>Where entry data ends (the trailing checksum starts).</summary>
    public long DataEnd { get; }

    /// <summary>Opens the pack of <paramref name="index"/> and checks its header against the index.</summary>
    public static PackFile Open(PackIndex index)
    {
        var handle = File.OpenHandle(index.PackPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            long length = RandomAccess.GetLength(handle);
            if (RandomAccess.Read(handle, header, 0) < HeaderLength || !header[..4].SequenceEqual("PACK"u8))
            {
                throw new InvalidDataException($"{index.PackPath}: not a pack file");
            }

            uint version = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            uint count = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
            if (version is not (2 or 3) || count != index.Count)
            {
                throw new InvalidDataException($"{index.PackPath}: version {version} with {count} objects does not match its index ({index.Count} objects)");
            }

            return new PackFile(index, handle, length - 20);
        }
        catch
        {
            handle.Dispose();
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

        Span<byte> bytes = stackalloc byte[LongestEntryHeader];
        int read = RandomAccess.Read(_handle, bytes[..(int)Math.Min(LongestEntryHeader, DataEnd - offset)], offset);
        try
        {
            return PackEntryHeader.Parse(bytes[..read], offset);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    /// <summary>
    /// Reads the header of the entry at <paramref name="offset"/> from <paramref name="window"/>, which
    /// reads <see cref="PackBytes.WindowLength"/> bytes from there when it does not hold the header: for
    /// headers read in pack order.
    /// </summary>
    public PackEntryHeader ReadHeader(long offset, PackBytes window)
    {
        if (offset < HeaderLength || offset >= DataEnd)
        {
            throw Corrupt(offset, "no entry can start there (truncated pack?)");
        }

        ReadOnlySpan<byte> bytes;
        if (window.TryGet(this, offset, Math.Min(offset + LongestEntryHeader, DataEnd), out var held))
        {
            bytes = held;
        }
        else
        {
            int length = (int)Math.Min(PackBytes.WindowLength, DataEnd - offset);
            byte[] buffer = window.Prepare(length);
            int read = RandomAccess.Read(_handle, buffer.AsSpan(0, length), offset);
            window.Hold(this, offset, read);
            bytes = buffer.AsSpan(0, Math.Min(read, LongestEntryHeader));
        }

        try
        {
            return PackEntryHeader.Parse(bytes, offset);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    /// <summary>
    /// Reads the header of the entry at <paramref name="offset"/>, and when the whole entry is at most
    /// <see cref="PackBytes.EntryLimit"/> bytes, its data with it into <paramref name="into"/> (see <see cref="InflateInto"/>).
    /// </summary>
    public PackEntryHeader ReadEntry(long offset, PackBytes into)
    {
        long end;
        try
        {
            end = CompressedEnd(offset);
        }
        catch (InvalidDataException)
        {
            // Said where the data is needed, as for any entry (LengthToHold).
            return ReadHeader(offset);
        }

        long length = end - offset;
        if (offset < HeaderLength || length <= 0 || length > PackBytes.EntryLimit)
        {
            return ReadHeader(offset);
        }

        byte[] buffer = into.Prepare((int)length);
        int read = RandomAccess.Read(_handle, buffer.AsSpan(0, (int)length), offset);
        into.Hold(this, offset, read);
        try
        {
            return PackEntryHeader.Parse(buffer.AsSpan(0, Math.Min(read, LongestEntryHeader)), offset);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    /// <summary>The length of the entry's inflated data, when an array can hold it and its compressed data can inflate to it.</summary>
    /// <exception cref="CorruptObjectException">It is too large to hold whole, or larger than its compressed data can hold.</exception>
    public int LengthToHold(long offset, PackEntryHeader header)
    {
        if (header.Size > Array.MaxLength)
        {
            throw Corrupt(offset, $"an entry of {header.Size} bytes is too large to hold whole");
        }

        long compressed = CompressedLength(offset, header);
        return header.Size <= CorruptObjectException.MaxInflatedLength(compressed)
            ? (int)header.Size
            : throw Corrupt(offset, $"its header says {header.Size} bytes, more than its {compressed} compressed bytes can hold");
    }

    /// <summary>
    /// Inflates the data of the entry at <paramref name="offset"/> (a whole object or a delta) into
    /// <paramref name="destination"/>, which is exactly as long as the header says; from
    /// <paramref name="read"/> when <see cref="ReadEntry"/> read the entry there.
    /// </summary>
    public void InflateInto(long offset, PackEntryHeader header, Span<byte> destination, PackBytes? read = null)
    {
        byte[]? compressed = null;
        try
        {
            long length = CompressedLength(offset, header);
            ArraySegment<byte> source;
            if (read is not null && read.TryGet(this, header.DataOffset, header.DataOffset + length, out var held))
            {
                source = held;
            }
            else if (length <= BufferedLimit)
            {
                compressed = ArrayPool<byte>.Shared.Rent((int)length);
                source = new ArraySegment<byte>(compressed, 0, RandomAccess.Read(_handle, compressed.AsSpan(0, (int)length), header.DataOffset));
            }
            else
            {
                InflateStream(OpenAt(header.DataOffset), header, destination);
                return;
            }

            if (ZlibInflater.Available)
            {
                int inflated = ZlibInflater.Inflate(source, destination, out bool more);
                CheckInflated(inflated, more, header);
            }
            else
            {
                InflateStream(new MemoryStream(source.Array!, source.Offset, source.Count, writable: false), header, destination);
            }
        }
        catch (Exception e) when (CorruptObjectException.IsInflateError(e))
        {
            throw Corrupt(offset, e.Message);
        }
        finally
        {
            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
    }

    private static void InflateStream(Stream source, PackEntryHeader header, Span<byte> destination)
    {
        using var inflater = new ZLibStream(source, CompressionMode.Decompress);
        int inflated = inflater.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        CheckInflated(inflated, inflated == destination.Length && inflater.ReadByte() >= 0, header);
    }

    private static void CheckInflated(int inflated, bool more, PackEntryHeader header)
    {
        if (inflated != header.Size)
        {
            throw new InvalidDataException($"inflates to {inflated} bytes, its header says {header.Size}");
        }

        if (more)
        {
            throw new InvalidDataException($"its zlib stream inflates past the {header.Size} bytes its header says");
        }
    }

    /// <summary>A stream of the inflated data of a whole entry, inflated as it is read (for very large blobs).</summary>
    public Stream OpenInflated(long offset, PackEntryHeader header)
    {
        try
        {
            CompressedEnd(offset);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }

        return new SizeCheckedStream(new ZLibStream(OpenAt(header.DataOffset), CompressionMode.Decompress), header.Size, why => Corrupt(offset, why));
    }

    public void Dispose() => _handle.Dispose();

    private long CompressedLength(long offset, PackEntryHeader header)
    {
        try
        {
            return CompressedEnd(offset) - header.DataOffset;
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    private long CompressedEnd(long offset)
    {
        long end = Index.EndOf(offset, DataEnd);
        return end <= DataEnd ? end : throw new InvalidDataException("entry runs past the end of the pack (truncated pack?)");
    }

    private FileStream OpenAt(long from)
    {
        var stream = new FileStream(Index.PackPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        stream.Position = from;
        return stream;
    }

    /// <summary>The error for the entry at <paramref name="offset"/>, naming the pack, the offset and the object when the index knows it.</summary>
    public CorruptObjectException Corrupt(long offset, string why) =>
        Index.IdAtOffset(offset) is { } id
            ? new($"{Index.PackPath} at offset {offset} (object {id.Sha}): {why}", id.Sha)
            : new($"{Index.PackPath} at offset {offset}: {why}", objectId: null);
}
