using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HfSecretScan.Decoding;

/// <summary>
/// Finds every position where one of a fixed set of byte pairs starts, in one vectorized pass
/// whatever the number of pairs: each byte's low and high nibble look up, with one shuffle each,
/// a mask of the pair groups it may belong to (the Teddy technique of Hyperscan), and a position
/// is a candidate when both bytes of a pair agree on a group. Candidates are then checked exactly.
/// </summary>
internal sealed class PairSearch
{
    // Two banks of eight groups, searched in the same loop: one bank let too many false candidates through.
    private const int Banks = 2;
    private const int GroupsPerBank = 8;

    private readonly Vector128<byte>[] _firstLow = new Vector128<byte>[Banks];
    private readonly Vector128<byte>[] _firstHigh = new Vector128<byte>[Banks];
    private readonly Vector128<byte>[] _secondLow = new Vector128<byte>[Banks];
    private readonly Vector128<byte>[] _secondHigh = new Vector128<byte>[Banks];
    private readonly ulong[] _exact = new ulong[65536 / 64];

    /// <summary>Prepares the search for <paramref name="pairs"/>, each written as two bytes.</summary>
    public PairSearch(IEnumerable<(byte First, byte Second)> pairs)
    {
        // Each group accepts every combination of its pairs' nibbles, so a pair joins the group it
        // widens least: false candidates, each checked exactly, are what this search costs.
        var groups = new List<(byte First, byte Second)>[Banks * GroupsPerBank];
        for (int g = 0; g < groups.Length; g++)
        {
            groups[g] = [];
        }

        foreach (var pair in pairs.Distinct().OrderBy(p => p.First).ThenBy(p => p.Second))
        {
            int best = Enumerable.Range(0, groups.Length).MinBy(g => Accepted([.. groups[g], pair]) - Accepted(groups[g]));
            groups[best].Add(pair);
            int key = (pair.First << 8) | pair.Second;
            _exact[key >> 6] |= 1UL << (key & 63);
        }

        for (int bank = 0; bank < Banks; bank++)
        {
            var tables = new byte[4, 16];
            for (int g = 0; g < GroupsPerBank; g++)
            {
                byte bit = (byte)(1 << g);
                foreach (var (first, second) in groups[(bank * GroupsPerBank) + g])
                {
                    tables[0, first & 15] |= bit;
                    tables[1, first >> 4] |= bit;
                    tables[2, second & 15] |= bit;
                    tables[3, second >> 4] |= bit;
                }
            }

            _firstLow[bank] = Row(tables, 0);
            _firstHigh[bank] = Row(tables, 1);
            _secondLow[bank] = Row(tables, 2);
            _secondHigh[bank] = Row(tables, 3);
        }
    }

    /// <summary>Whether <paramref name="first"/> followed by <paramref name="second"/> is one of the pairs.</summary>
    public bool IsPair(byte first, byte second)
    {
        int key = (first << 8) | second;
        return (_exact[key >> 6] & (1UL << (key & 63))) != 0;
    }

    /// <summary>Appends to <paramref name="output"/> each index <c>i</c> in <c>[from, limit)</c> where a pair starts (<c>span[i + 1]</c> must exist).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FindAll(ReadOnlySpan<byte> span, int from, int limit, List<int> output)
    {
        limit = Math.Min(limit, span.Length - 1);
        int i = Math.Max(from, 0);
        ref byte start = ref MemoryMarshal.GetReference(span);
        if (Avx512BW.IsSupported)
        {
            var firstLow0 = Wide(_firstLow[0]);
            var firstHigh0 = Wide(_firstHigh[0]);
            var secondLow0 = Wide(_secondLow[0]);
            var secondHigh0 = Wide(_secondHigh[0]);
            var firstLow1 = Wide(_firstLow[1]);
            var firstHigh1 = Wide(_firstHigh[1]);
            var secondLow1 = Wide(_secondLow[1]);
            var secondHigh1 = Wide(_secondHigh[1]);
            var nibble = Vector512.Create((byte)15);
            for (; i + Vector512<byte>.Count < limit; i += Vector512<byte>.Count)
            {
                var a = Vector512.LoadUnsafe(ref start, (nuint)i);
                var b = Vector512.LoadUnsafe(ref start, (nuint)(i + 1));
                var aLow = a & nibble;
                var aHigh = Vector512.ShiftRightLogical(a.AsUInt16(), 4).AsByte() & nibble;
                var bLow = b & nibble;
                var bHigh = Vector512.ShiftRightLogical(b.AsUInt16(), 4).AsByte() & nibble;
                var groups = (Avx512BW.Shuffle(firstLow0, aLow) & Avx512BW.Shuffle(firstHigh0, aHigh) & Avx512BW.Shuffle(secondLow0, bLow) & Avx512BW.Shuffle(secondHigh0, bHigh))
                    | (Avx512BW.Shuffle(firstLow1, aLow) & Avx512BW.Shuffle(firstHigh1, aHigh) & Avx512BW.Shuffle(secondLow1, bLow) & Avx512BW.Shuffle(secondHigh1, bHigh));
                ulong hits = ~Vector512.Equals(groups, Vector512<byte>.Zero).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    hits &= hits - 1;
                    if (IsPair(Unsafe.Add(ref start, at), Unsafe.Add(ref start, at + 1)))
                    {
                        output.Add(at);
                    }
                }
            }
        }

        if (Avx2.IsSupported)
        {
            var firstLow0 = Vector256.Create(_firstLow[0], _firstLow[0]);
            var firstHigh0 = Vector256.Create(_firstHigh[0], _firstHigh[0]);
            var secondLow0 = Vector256.Create(_secondLow[0], _secondLow[0]);
            var secondHigh0 = Vector256.Create(_secondHigh[0], _secondHigh[0]);
            var firstLow1 = Vector256.Create(_firstLow[1], _firstLow[1]);
            var firstHigh1 = Vector256.Create(_firstHigh[1], _firstHigh[1]);
            var secondLow1 = Vector256.Create(_secondLow[1], _secondLow[1]);
            var secondHigh1 = Vector256.Create(_secondHigh[1], _secondHigh[1]);
            var nibble = Vector256.Create((byte)15);
            for (; i + Vector256<byte>.Count < limit; i += Vector256<byte>.Count)
            {
                var a = Vector256.LoadUnsafe(ref start, (nuint)i);
                var b = Vector256.LoadUnsafe(ref start, (nuint)(i + 1));
                var aLow = a & nibble;
                var aHigh = Vector256.ShiftRightLogical(a.AsUInt16(), 4).AsByte() & nibble;
                var bLow = b & nibble;
                var bHigh = Vector256.ShiftRightLogical(b.AsUInt16(), 4).AsByte() & nibble;
                var groups = (Avx2.Shuffle(firstLow0, aLow) & Avx2.Shuffle(firstHigh0, aHigh) & Avx2.Shuffle(secondLow0, bLow) & Avx2.Shuffle(secondHigh0, bHigh))
                    | (Avx2.Shuffle(firstLow1, aLow) & Avx2.Shuffle(firstHigh1, aHigh) & Avx2.Shuffle(secondLow1, bLow) & Avx2.Shuffle(secondHigh1, bHigh));
                uint hits = ~Vector256.Equals(groups, Vector256<byte>.Zero).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    hits &= hits - 1;
                    if (IsPair(Unsafe.Add(ref start, at), Unsafe.Add(ref start, at + 1)))
                    {
                        output.Add(at);
                    }
                }
            }
        }
        else if (Ssse3.IsSupported)
        {
            var nibble = Vector128.Create((byte)15);
            for (; i + Vector128<byte>.Count < limit; i += Vector128<byte>.Count)
            {
                var a = Vector128.LoadUnsafe(ref start, (nuint)i);
                var b = Vector128.LoadUnsafe(ref start, (nuint)(i + 1));
                var aLow = a & nibble;
                var aHigh = Vector128.ShiftRightLogical(a.AsUInt16(), 4).AsByte() & nibble;
                var bLow = b & nibble;
                var bHigh = Vector128.ShiftRightLogical(b.AsUInt16(), 4).AsByte() & nibble;
                var groups = (Ssse3.Shuffle(_firstLow[0], aLow) & Ssse3.Shuffle(_firstHigh[0], aHigh) & Ssse3.Shuffle(_secondLow[0], bLow) & Ssse3.Shuffle(_secondHigh[0], bHigh))
                    | (Ssse3.Shuffle(_firstLow[1], aLow) & Ssse3.Shuffle(_firstHigh[1], aHigh) & Ssse3.Shuffle(_secondLow[1], bLow) & Ssse3.Shuffle(_secondHigh[1], bHigh));
                uint hits = ~Vector128.Equals(groups, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
                while (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    hits &= hits - 1;
                    if (IsPair(Unsafe.Add(ref start, at), Unsafe.Add(ref start, at + 1)))
                    {
                        output.Add(at);
                    }
                }
            }
        }

        for (; i < limit; i++)
        {
            if (IsPair(span[i], span[i + 1]))
            {
                output.Add(i);
            }
        }
    }

    private static Vector512<byte> Wide(Vector128<byte> table) => Vector512.Create(Vector256.Create(table, table), Vector256.Create(table, table));

    private static Vector128<byte> Row(byte[,] tables, int row)
    {
        Span<byte> values = stackalloc byte[16];
        for (int k = 0; k < 16; k++)
        {
            values[k] = tables[row, k];
        }

        return Vector128.Create((ReadOnlySpan<byte>)values);
    }

    /// <summary>
    /// How often, roughly, a group holding <paramref name="pairs"/> lets a position of source code
    /// or prose through: the chance that its first byte passes times the chance that its second does.
    /// </summary>
    private static double Accepted(List<(byte First, byte Second)> pairs)
    {
        if (pairs.Count == 0)
        {
            return 0;
        }

        return Passing(pairs.Select(p => p.First)) * Passing(pairs.Select(p => p.Second));

        static double Passing(IEnumerable<byte> bytes)
        {
            var low = bytes.Select(b => b & 15).ToHashSet();
            var high = bytes.Select(b => b >> 4).ToHashSet();
            double chance = 0;
            for (int b = 0; b < 256; b++)
            {
                if (low.Contains(b & 15) && high.Contains(b >> 4))
                {
                    chance += Frequency((byte)b);
                }
            }

            return chance;
        }
    }

    /// <summary>A byte's share of typical text: spaces, lower-case letters and line ends most.</summary>
    private static double Frequency(byte b) => b switch
    {
        (byte)' ' => 0.15,
        (byte)'\n' or (byte)'\r' or (byte)'\t' => 0.03,
        >= (byte)'a' and <= (byte)'z' => 0.025,
        >= (byte)'0' and <= (byte)'9' => 0.008,
        >= (byte)'A' and <= (byte)'Z' => 0.004,
        >= 0x21 and <= 0x7E => 0.006,
        _ => 0.0005,
    };
}
