using System.Buffers.Binary;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Storage.Packs;

/// <summary>
/// A version 2 pack index (<c>.idx</c>): the sorted object names of one pack and the offset of each
/// entry in it, plus the entries in pack order so the end of each entry's compressed data is known.
/// </summary>
internal sealed class PackIndex
{
    private const uint Magic = 0xff744f63;
    private const int IdLength = 20;
    private const int FanOutStart = 8;
    private const int NamesStart = FanOutStart + 256 * 4;

    private readonly int[] _fanOut;
    private readonly byte[] _names;
    private readonly long[] _offsets;
    private readonly long[] _sortedOffsets;
    private readonly int[] _nameAtSorted;

    private PackIndex(string indexPath, int[] fanOut, byte[] names, long[] offsets)
    {
        PackPath = Path.ChangeExtension(indexPath, ".pack");
        _fanOut = fanOut;
        _names = names;
        _offsets = offsets;
        _nameAtSorted = new int[offsets.Length];
        for (int i = 0; i < _nameAtSorted.Length; i++)
        {
            _nameAtSorted[i] = i;
        }

        _sortedOffsets = (long[])offsets.Clone();
        Array.Sort(_sortedOffsets, _nameAtSorted);
    }

    /// <summary>The <c>.pack</c> file it describes.</summary>
    public string PackPath { get; }

    /// <summary>How many objects the pack holds.</summary>
    public int Count => _offsets.Length;

    /// <summary>Reads an index; throws <see cref="InvalidDataException"/> when it is not a whole version 2 index.</summary>
    public static PackIndex Read(string indexPath)
    {
        byte[] bytes = File.ReadAllBytes(indexPath);
        if (bytes.Length < NamesStart || BinaryPrimitives.ReadUInt32BigEndian(bytes) != Magic || BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4)) != 2)
        {
            throw new InvalidDataException("not a version 2 pack index");
        }

        var fanOut = new int[256];
        for (int i = 0; i < 256; i++)
        {
            uint value = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(FanOutStart + i * 4));
            if (value > int.MaxValue / IdLength || (i > 0 && value < fanOut[i - 1]))
            {
                throw new InvalidDataException("pack index fan-out table is not ascending");
            }

            fanOut[i] = (int)value;
        }

        int count = fanOut[255];
        long crcStart = NamesStart + (long)count * IdLength;
        long smallStart = crcStart + count * 4L;
        long largeStart = smallStart + count * 4L;
        if (bytes.Length < largeStart + 2 * IdLength)
        {
            throw new InvalidDataException("truncated pack index");
        }

        var offsets = new long[count];
        long largeCount = (bytes.Length - 2 * IdLength - largeStart) / 8;
        for (int i = 0; i < count; i++)
        {
            uint small = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)(smallStart + i * 4L)));
            if ((small & 0x8000_0000) == 0)
            {
                offsets[i] = small;
                continue;
            }

            long large = small & 0x7fff_ffff;
            if (large >= largeCount)
            {
                throw new InvalidDataException($"pack index entry {i} names a missing large offset");
            }

            ulong offset = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)(largeStart + large * 8)));
            if (offset > long.MaxValue)
            {
                throw new InvalidDataException($"pack index entry {i} has a large offset beyond any file ({offset})");
            }

            offsets[i] = (long)offset;
        }

        return new PackIndex(indexPath, fanOut, bytes.AsSpan(NamesStart, count * IdLength).ToArray(), offsets);
    }

    /// <summary>The id of the object at <paramref name="position"/> in name order.</summary>
    public RawId IdAt(int position) => new(_names.AsSpan(position * IdLength, IdLength));

    /// <summary>The offset of the object at <paramref name="position"/> in name order.</summary>
    public long OffsetAt(int position) => _offsets[position];

    /// <summary>The name-order position of the <paramref name="rank"/>-th entry in pack order.</summary>
    public int PositionInPackOrder(int rank) => _nameAtSorted[rank];

    /// <summary>Finds an object's entry offset.</summary>
    public bool TryFind(RawId id, out long offset)
    {
        Span<byte> wanted = stackalloc byte[IdLength];
        id.CopyTo(wanted);
        int low = wanted[0] == 0 ? 0 : _fanOut[wanted[0] - 1];
        int high = _fanOut[wanted[0]] - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            int order = _names.AsSpan(middle * IdLength, IdLength).SequenceCompareTo(wanted);
            if (order == 0)
            {
                offset = _offsets[middle];
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        offset = -1;
        return false;
    }

    /// <summary>The id of the object whose entry starts at <paramref name="offset"/>, or null when none does.</summary>
    public RawId? IdAtOffset(long offset)
    {
        int rank = Array.BinarySearch(_sortedOffsets, offset);
        return rank < 0 ? null : IdAt(PositionInPackOrder(rank));
    }

    /// <summary>Where the entry at <paramref name="offset"/> ends: the next entry's offset, or <paramref name="dataEnd"/> for the last.</summary>
    public long EndOf(long offset, long dataEnd)
    {
        int rank = Array.BinarySearch(_sortedOffsets, offset);
        if (rank < 0)
        {
            throw new InvalidDataException($"no pack entry starts at offset {offset}");
        }

        return rank + 1 < _sortedOffsets.Length ? _sortedOffsets[rank + 1] : dataEnd;
    }
}
