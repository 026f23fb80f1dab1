using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HfSecretScan.Decoding;

/// <summary>
/// The first, cheap pass over a window for encoded tokens. It finds, in one vectorized read, the
/// two places they can start: an escape pair (<see cref="EncodedAnchors.EscapePairs"/>: <c>5f</c>,
/// <c>#9</c>, <c>=</c> before a line break), exactly; and a run of base64 characters long enough to
/// be a line of an encoded token, where the base64 anchors are then looked for. Most text has no
/// such run, so the costlier anchor search reads almost nothing.
/// </summary>
/// <remarks>
/// Both tests share one lookup of each byte's nibbles (the technique of <see cref="PairSearch"/>):
/// the first byte's tables give three bits for the escape pairs' first bytes and five for the
/// classes of base64 characters (those sharing a high nibble and a set of low nibbles), the second
/// byte's tables the escape pairs' second bytes.
/// </remarks>
internal sealed class CandidateScan
{
    private const byte EscapeBits = 0b0000_0111;
    private const byte Base64Bits = 0b1111_1000;

    private readonly Vector128<byte> _firstLow;
    private readonly Vector128<byte> _firstHigh;
    private readonly Vector128<byte> _secondLow;
    private readonly Vector128<byte> _secondHigh;
    private readonly byte[] _first = new byte[256];
    private readonly byte[] _second = new byte[256];

    /// <summary>The shared instance: its tables are fixed by the escape pairs and the base64 alphabets.</summary>
    public static CandidateScan Instance { get; } = new();

    private CandidateScan()
    {
        var tables = new byte[4, 16];

        // One bit per first byte of the escape pairs.
        Span<byte> firstBytes = stackalloc byte[3];
        int bit = 0;
        foreach (var (first, second) in EncodedAnchors.EscapePairs)
        {
            int group = firstBytes[..bit].IndexOf(first);
            if (group < 0)
            {
                if (bit == firstBytes.Length)
                {
                    throw new InvalidOperationException("The escape pairs need more than three first bytes.");
                }

                group = bit;
                firstBytes[bit++] = first;
            }

            byte mask = (byte)(1 << group);
            tables[0, first & 15] |= mask;
            tables[1, first >> 4] |= mask;
            tables[2, second & 15] |= mask;
            tables[3, second >> 4] |= mask;
        }

        // Base64 characters by high nibble: those whose low nibbles form the same set share a bit.
        var classes = new List<int>();
        for (int high = 0; high < 16; high++)
        {
            int lows = 0;
            for (int low = 0; low < 16; low++)
            {
                lows |= Base64Run.IsBase64((byte)((high << 4) | low)) ? 1 << low : 0;
            }

            if (lows == 0)
            {
                continue;
            }

            int index = classes.IndexOf(lows);
            if (index < 0)
            {
                index = classes.Count;
                classes.Add(lows);
            }

            byte mask = (byte)(1 << (3 + index));
            tables[1, high] |= mask;
            for (int low = 0; low < 16; low++)
            {
                tables[0, low] |= (lows & (1 << low)) != 0 ? mask : (byte)0;
            }
        }

        if (classes.Count > 5)
        {
            throw new InvalidOperationException("The base64 alphabets need more than five nibble classes.");
        }

        _firstLow = Row(tables, 0);
        _firstHigh = Row(tables, 1);
        _secondLow = Row(tables, 2);
        _secondHigh = Row(tables, 3);
        for (int b = 0; b < 256; b++)
        {
            _first[b] = (byte)(tables[0, b & 15] & tables[1, b >> 4]);
            _second[b] = (byte)(tables[2, b & 15] & tables[3, b >> 4]);
        }

        // Each escape group must accept exactly its pairs (they are used unchecked): as a group
        // accepts every first byte it knows with every second, its pairs must be all those products.
        for (int group = 0; group < bit; group++)
        {
            int firsts = 0;
            int seconds = 0;
            for (int b = 0; b < 256; b++)
            {
                firsts += (_first[b] >> group) & 1;
                seconds += (_second[b] >> group) & 1;
            }

            int pairs = 0;
            foreach (var (first, second) in EncodedAnchors.EscapePairs)
            {
                pairs += (_first[first] & _second[second] & (1 << group)) != 0 ? 1 : 0;
            }

            if (firsts * seconds != pairs)
            {
                throw new InvalidOperationException("The escape pairs do not fit the nibble tables exactly.");
            }
        }
    }

    /// <summary>
    /// Appends to <paramref name="escapes"/> each index in <c>[from, limit)</c> where an escape pair
    /// starts, and to <paramref name="runs"/> each run of base64 characters of at least
    /// <paramref name="minimumRun"/> that overlaps <c>[from, limit)</c>, as <c>(start, end)</c>
    /// within <paramref name="span"/>. A run that touches an end of the span is reported whatever
    /// its length, unless the content ends there too (<paramref name="atStart"/>,
    /// <paramref name="atEnd"/>): it may go on beyond.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FindAll(ReadOnlySpan<byte> span, int from, int limit, bool atStart, bool atEnd, int minimumRun, List<int> escapes, List<(int Start, int End)> runs)
    {
        ref byte start = ref MemoryMarshal.GetReference(span);

        // The last byte that is no base64, -1 before the first. Only a run across a block's first
        // break can be long, as runs inside a block are shorter than it.
        int lastBreak = -1;
        bool openStart = !atStart;
        int i = 0;
        if (Avx2.IsSupported)
        {
            var firstLow = Vector256.Create(_firstLow, _firstLow);
            var firstHigh = Vector256.Create(_firstHigh, _firstHigh);
            var secondLow = Vector256.Create(_secondLow, _secondLow);
            var secondHigh = Vector256.Create(_secondHigh, _secondHigh);
            var nibble = Vector256.Create((byte)15);
            var base64Bits = Vector256.Create(Base64Bits);
            for (; i + Vector256<byte>.Count < span.Length; i += Vector256<byte>.Count)
            {
                var a = Vector256.LoadUnsafe(ref start, (nuint)i);
                var b = Vector256.LoadUnsafe(ref start, (nuint)(i + 1));
                var classes = Avx2.Shuffle(firstLow, a & nibble) & Avx2.Shuffle(firstHigh, Vector256.ShiftRightLogical(a.AsUInt16(), 4).AsByte() & nibble);
                var pairs = classes & Avx2.Shuffle(secondLow, b & nibble) & Avx2.Shuffle(secondHigh, Vector256.ShiftRightLogical(b.AsUInt16(), 4).AsByte() & nibble);
                uint breaks = Vector256.Equals(classes & base64Bits, Vector256<byte>.Zero).ExtractMostSignificantBits();
                if (pairs != Vector256<byte>.Zero)
                {
                    AddEscapes(~Vector256.Equals(pairs, Vector256<byte>.Zero).ExtractMostSignificantBits(), i, from, limit, escapes);
                }

                if (breaks != 0)
                {
                    int first = i + BitOperations.TrailingZeroCount(breaks);
                    if (first - lastBreak > minimumRun || (openStart && lastBreak < 0 && first > 0))
                    {
                        AddRun(lastBreak + 1, first, from, limit, runs);
                    }

                    lastBreak = i + 31 - BitOperations.LeadingZeroCount(breaks);
                }
            }
        }
        else if (Ssse3.IsSupported)
        {
            // Two vectors a step, their masks joined into one of 32 bits: half the branches of one
            // vector a step, which is what the loop spends most on when Avx2 is not compiled in
            // (Native AOT's baseline, bench/notes/layers.md).
            var nibble = Vector128.Create((byte)15);
            var base64Bits = Vector128.Create(Base64Bits);
            for (; i + (2 * Vector128<byte>.Count) < span.Length; i += 2 * Vector128<byte>.Count)
            {
                var a0 = Vector128.LoadUnsafe(ref start, (nuint)i);
                var b0 = Vector128.LoadUnsafe(ref start, (nuint)(i + 1));
                var a1 = Vector128.LoadUnsafe(ref start, (nuint)(i + 16));
                var b1 = Vector128.LoadUnsafe(ref start, (nuint)(i + 17));
                var classes0 = Ssse3.Shuffle(_firstLow, a0 & nibble) & Ssse3.Shuffle(_firstHigh, Vector128.ShiftRightLogical(a0.AsUInt16(), 4).AsByte() & nibble);
                var classes1 = Ssse3.Shuffle(_firstLow, a1 & nibble) & Ssse3.Shuffle(_firstHigh, Vector128.ShiftRightLogical(a1.AsUInt16(), 4).AsByte() & nibble);
                var pairs0 = classes0 & Ssse3.Shuffle(_secondLow, b0 & nibble) & Ssse3.Shuffle(_secondHigh, Vector128.ShiftRightLogical(b0.AsUInt16(), 4).AsByte() & nibble);
                var pairs1 = classes1 & Ssse3.Shuffle(_secondLow, b1 & nibble) & Ssse3.Shuffle(_secondHigh, Vector128.ShiftRightLogical(b1.AsUInt16(), 4).AsByte() & nibble);
                uint breaks = Vector128.Equals(classes0 & base64Bits, Vector128<byte>.Zero).ExtractMostSignificantBits()
                    | (Vector128.Equals(classes1 & base64Bits, Vector128<byte>.Zero).ExtractMostSignificantBits() << 16);
                if ((pairs0 | pairs1) != Vector128<byte>.Zero)
                {
                    uint hits = ~(Vector128.Equals(pairs0, Vector128<byte>.Zero).ExtractMostSignificantBits()
                        | (Vector128.Equals(pairs1, Vector128<byte>.Zero).ExtractMostSignificantBits() << 16));
                    AddEscapes(hits, i, from, limit, escapes);
                }

                if (breaks != 0)
                {
                    int first = i + BitOperations.TrailingZeroCount(breaks);
                    if (first - lastBreak > minimumRun || (openStart && lastBreak < 0 && first > 0))
                    {
                        AddRun(lastBreak + 1, first, from, limit, runs);
                    }

                    lastBreak = i + 31 - BitOperations.LeadingZeroCount(breaks);
                }
            }
        }

        for (; i < span.Length; i++)
        {
            byte classes = _first[span[i]];
            if (i + 1 < span.Length && (classes & _second[span[i + 1]] & EscapeBits) != 0 && i >= from && i < limit)
            {
                escapes.Add(i);
            }

            if ((classes & Base64Bits) == 0)
            {
                if (i - lastBreak > minimumRun || (openStart && lastBreak < 0 && i > 0))
                {
                    AddRun(lastBreak + 1, i, from, limit, runs);
                }

                lastBreak = i;
            }
        }

        if (span.Length - lastBreak > minimumRun || (!atEnd && lastBreak + 1 < span.Length) || (openStart && lastBreak < 0 && span.Length > 0))
        {
            AddRun(lastBreak + 1, span.Length, from, limit, runs);
        }
    }

    private static void AddRun(int start, int end, int from, int limit, List<(int Start, int End)> runs)
    {
        if (start < limit && end > from)
        {
            runs.Add((start, end));
        }
    }

    private static void AddEscapes(uint hits, int i, int from, int limit, List<int> escapes)
    {
        while (hits != 0)
        {
            int at = i + BitOperations.TrailingZeroCount(hits);
            hits &= hits - 1;
            if (at >= from && at < limit)
            {
                escapes.Add(at);
            }
        }
    }

    private static Vector128<byte> Row(byte[,] tables, int row)
    {
        Span<byte> values = stackalloc byte[16];
        for (int k = 0; k < 16; k++)
        {
            values[k] = tables[row, k];
        }

        return Vector128.Create((ReadOnlySpan<byte>)values);
    }
}
