namespace HfSecretScan.Git.Storage.Packs;

/// <summary>
/// Applies a git delta (as in pack files): the base and result sizes as little-endian base-128
/// numbers, then instructions that copy a range of the base or insert literal bytes.
/// </summary>
internal static class DeltaPatch
{
    /// <summary>
    /// The size of the object the delta produces from a base of <paramref name="baseLength"/> bytes:
    /// the size its header says, once its instructions are checked to produce exactly that many
    /// bytes from that base, so no buffer is ever sized by a header alone.
    /// </summary>
    /// <exception cref="InvalidDataException">The header is malformed, does not match the instructions or the base, or the result is too large to hold.</exception>
    public static int ResultSize(ReadOnlySpan<byte> delta, int baseLength)
    {
        int at = 0;
        long baseSize = ReadSize(delta, ref at);
        long size = ReadSize(delta, ref at);
        if (baseSize != baseLength)
        {
            throw new InvalidDataException($"delta expects a base of {baseSize} bytes, the base has {baseLength}");
        }

        if (size > Array.MaxLength)
        {
            throw new InvalidDataException($"delta result of {size} bytes is too large to hold");
        }

        long produced = 0;
        while (at < delta.Length && produced <= size)
        {
            produced += NextInstruction(delta, ref at, baseLength, out _, out _);
        }

        return produced == size ? (int)size : throw new InvalidDataException($"delta header says {size} bytes, its instructions produce {(produced > size ? "more" : produced.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
    }

    /// <summary>
    /// Builds the object <paramref name="delta"/> describes from <paramref name="baseObject"/> into
    /// <paramref name="result"/>, which is exactly <see cref="ResultSize"/> long.
    /// </summary>
    /// <exception cref="InvalidDataException">The delta does not fit the base or is malformed.</exception>
    public static void Apply(ReadOnlySpan<byte> baseObject, ReadOnlySpan<byte> delta, Span<byte> result)
    {
        int at = 0;
        long baseSize = ReadSize(delta, ref at);
        long resultSize = ReadSize(delta, ref at);
        if (baseSize != baseObject.Length)
        {
            throw new InvalidDataException($"delta expects a base of {baseSize} bytes, the base has {baseObject.Length}");
        }

        if (resultSize != result.Length)
        {
            throw new InvalidDataException($"delta result of {resultSize} bytes does not fit {result.Length}");
        }

        int written = 0;
        while (at < delta.Length)
        {
            int length = NextInstruction(delta, ref at, baseObject.Length, out bool copy, out int from);
            if (written + length > result.Length)
            {
                throw new InvalidDataException("delta writes beyond its result");
            }

            (copy ? baseObject : delta).Slice(from, length).CopyTo(result[written..]);
            written += length;
        }

        if (written != result.Length)
        {
            throw new InvalidDataException($"delta produced {written} bytes instead of {result.Length}");
        }
    }

    /// <summary>
    /// Reads the instruction at <paramref name="at"/>: a copy of <paramref name="from"/> and the
    /// returned length from the base, or an insert of that many bytes of the delta at <paramref name="from"/>.
    /// </summary>
    private static int NextInstruction(ReadOnlySpan<byte> delta, ref int at, int baseLength, out bool copy, out int from)
    {
        byte op = delta[at++];
        copy = (op & 0x80) != 0;
        if (copy)
        {
            long offset = 0, size = 0;
            for (int bit = 0; bit < 4; bit++)
            {
                if ((op & (1 << bit)) != 0)
                {
                    offset |= (long)Next(delta, ref at) << (8 * bit);
                }
            }

            for (int bit = 0; bit < 3; bit++)
            {
                if ((op & (0x10 << bit)) != 0)
                {
                    size |= (long)Next(delta, ref at) << (8 * bit);
                }
            }

            if (size == 0)
            {
                size = 0x10000;
            }

            if (offset + size > baseLength)
            {
                throw new InvalidDataException("delta copies beyond its base");
            }

            from = (int)offset;
            return (int)size;
        }

        if (op == 0)
        {
            throw new InvalidDataException("delta holds the reserved instruction 0");
        }

        if (at + op > delta.Length)
        {
            throw new InvalidDataException("delta inserts beyond its data");
        }

        from = at;
        at += op;
        return op;
    }

    private static long ReadSize(ReadOnlySpan<byte> delta, ref int at)
    {
        long size = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte b = Next(delta, ref at);
            size |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return size;
            }
        }

        throw new InvalidDataException("delta size header is too long");
    }

    private static byte Next(ReadOnlySpan<byte> delta, ref int at) =>
        at < delta.Length ? delta[at++] : throw new InvalidDataException("delta ends in the middle of an instruction");
}
