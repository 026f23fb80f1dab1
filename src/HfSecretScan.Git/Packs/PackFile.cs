using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace HfSecretScan.Git.Packs;

/// <summary>
/// One worker's open handle on a <c>.pack</c> file: reads entry headers and inflates entry data
/// with zlib (System.IO.Compression, zlib-ng). Each entry's compressed data ends where the next
/// entry starts (known from the index), so it is read with one positioned read.
/// Not thread-safe: it owns a reusable buffer.
/// </summary>
internal sealed class PackFile : IDisposable
{
    private const int HeaderLength = 12;
    private const int LongestEntryHeader = 32;

    // Larger compressed entries are inflated straight from the file instead of through the buffer.
    private const int BufferedLimit = 16 << 20;

    private readonly SafeFileHandle _handle;
    private byte[] _compressed = new byte[64 << 10];

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
        Span<byte> bytes = stackalloc byte[LongestEntryHeader];
        if (offset < HeaderLength || offset >= DataEnd)
        {
            throw Corrupt(offset, "no entry can start there (truncated pack?)");
        }

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

    /// <summary>Inflates the data of the entry at <paramref name="offset"/> (a whole object or a delta).</summary>
    public byte[] Inflate(long offset, PackEntryHeader header)
    {
        if (header.Size > Array.MaxLength)
        {
            throw Corrupt(offset, $"an entry of {header.Size} bytes is too large to hold whole");
        }

        try
        {
            long length = CompressedEnd(offset) - header.DataOffset;
            using Stream compressed = length <= BufferedLimit ? Buffer(header.DataOffset, (int)length) : OpenAt(header.DataOffset);
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            var data = new byte[header.Size];
            int inflated = inflater.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (inflated != data.Length)
            {
                throw new InvalidDataException($"inflates to {inflated} bytes, its header says {header.Size}");
            }

            return data;
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(offset, e.Message);
        }
    }

    /// <summary>A stream of the inflated data of a whole entry, read from the file as it goes (for very large blobs).</summary>
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

        return new ZLibStream(OpenAt(header.DataOffset), CompressionMode.Decompress);
    }

    public void Dispose() => _handle.Dispose();

    private long CompressedEnd(long offset)
    {
        long end = Index.EndOf(offset, DataEnd);
        return end <= DataEnd ? end : throw new InvalidDataException("entry runs past the end of the pack (truncated pack?)");
    }

    private MemoryStream Buffer(long from, int length)
    {
        if (_compressed.Length < length)
        {
            _compressed = new byte[Math.Max(length, _compressed.Length * 2)];
        }

        int read = RandomAccess.Read(_handle, _compressed.AsSpan(0, length), from);
        return new MemoryStream(_compressed, 0, read, writable: false);
    }

    private FileStream OpenAt(long from)
    {
        var stream = new FileStream(Index.PackPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        stream.Position = from;
        return stream;
    }

    private InvalidDataException Corrupt(long offset, string why) => new($"{Index.PackPath} at offset {offset}: {why}");
}
