using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Storage.Packs;

/// <summary>
/// The header of one pack entry: its kind, its inflated size (for a delta: the delta's size), where
/// its zlib data starts, and for a delta where its base is.
/// </summary>
/// <param name="Kind">Whole object or delta.</param>
/// <param name="Size">Inflated size of the entry's data.</param>
/// <param name="DataOffset">Offset of the zlib stream in the pack.</param>
/// <param name="BaseOffset">For an offset delta, the base entry's offset; else -1.</param>
/// <param name="BaseId">For a reference delta, the base object's id; else null.</param>
internal readonly record struct PackEntryHeader(PackEntryKind Kind, long Size, long DataOffset, long BaseOffset, RawId? BaseId)
{
    /// <summary>True for either kind of delta.</summary>
    public bool IsDelta => Kind is PackEntryKind.OffsetDelta or PackEntryKind.ReferenceDelta;

    /// <summary>The object type of a whole entry.</summary>
    public RawObjectType ObjectType => Kind switch
    {
        PackEntryKind.Commit => RawObjectType.Commit,
        PackEntryKind.Tree => RawObjectType.Tree,
        PackEntryKind.Blob => RawObjectType.Blob,
        PackEntryKind.Tag => RawObjectType.Tag,
        _ => throw new InvalidOperationException("a delta has the type of its base"),
    };

    /// <summary>Parses the header at <paramref name="offset"/> from <paramref name="bytes"/> (read from there).</summary>
    public static PackEntryHeader Parse(ReadOnlySpan<byte> bytes, long offset)
    {
        int at = 0;
        byte b = Next(bytes, ref at);
        var kind = (PackEntryKind)((b >> 4) & 7);
        long size = b & 0x0f;
        for (int shift = 4; (b & 0x80) != 0; shift += 7)
        {
            if (shift > 56)
            {
                throw new InvalidDataException("entry size is too long");
            }

            b = Next(bytes, ref at);
            size |= (long)(b & 0x7f) << shift;
        }

        switch (kind)
        {
            case PackEntryKind.Commit or PackEntryKind.Tree or PackEntryKind.Blob or PackEntryKind.Tag:
                return new PackEntryHeader(kind, size, offset + at, -1, null);
            case PackEntryKind.OffsetDelta:
                // Base-128 with an added one per continuation byte (git's "offset encoding").
                b = Next(bytes, ref at);
                long distance = b & 0x7f;
                while ((b & 0x80) != 0)
                {
                    if (distance > (long.MaxValue >> 8))
                    {
                        throw new InvalidDataException("delta base distance is too long");
                    }

                    b = Next(bytes, ref at);
                    distance = ((distance + 1) << 7) | (long)(b & 0x7f);
                }

                if (distance <= 0 || distance > offset)
                {
                    throw new InvalidDataException($"delta base distance {distance} points outside the pack");
                }

                return new PackEntryHeader(kind, size, offset + at, offset - distance, null);
            case PackEntryKind.ReferenceDelta:
                if (bytes.Length < at + 20)
                {
                    throw new InvalidDataException("entry header is truncated");
                }

                return new PackEntryHeader(kind, size, offset + at + 20, -1, new RawId(bytes.Slice(at, 20)));
            default:
                throw new InvalidDataException($"unknown entry type {(int)kind}");
        }
    }

    private static byte Next(ReadOnlySpan<byte> bytes, ref int at) =>
        at < bytes.Length ? bytes[at++] : throw new InvalidDataException("entry header is truncated");
}
