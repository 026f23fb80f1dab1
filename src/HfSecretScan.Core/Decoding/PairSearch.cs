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
        foreach (var (first, second) in pairs)
        {
            int key = (first << 8) | second;
            _exact[key >> 6] |= 1UL << (key & 63);
        }

        // A group is the nibbles it accepts, as four 16-bit sets: first byte's low and high, second's.
        // It accepts every combination of them, so a pair joins the group it widens least: false
        // candidates, each checked exactly, are what this search costs. Pairs go in byte order, so
        // the tables do not depend on the order the pairs came in.
        var groups = new ushort[Banks * GroupsPerBank * 4];
        for (int key = 0; key < 65536; key++)
        {
            if ((_exact[key >> 6] & (1UL << (key & 63))) == 0)
            {
                continue;
            }

            ushort firstLow = (ushort)(1 << ((key >> 8) & 15));
            ushort firstHigh = (ushort)(1 << (key >> 12));
            ushort secondLow = (ushort)(1 << (key & 15));
            ushort secondHigh = (ushort)(1 << ((key >> 4) & 15));
            int best = 0;
            double bestCost = double.MaxValue;
            for (int g = 0; g < groups.Length; g += 4)
            {
                double before = groups[g] == 0 ? 0 : Accepted(groups[g], groups[g + 1], groups[g + 2], groups[g + 3]);
                double cost = Accepted((ushort)(groups[g] | firstLow), (ushort)(groups[g + 1] | firstHigh), (ushort)(groups[g + 2] | secondLow), (ushort)(groups[g + 3] | secondHigh)) - before;
                if (cost < bestCost)
                {
                    best = g;
                    bestCost = cost;
                }
            }

            groups[best] |= firstLow;
            groups[best + 1] |= firstHigh;
            groups[best + 2] |= secondLow;
            groups[best + 3] |= secondHigh;
        }

        for (int bank = 0; bank < Banks; bank++)
        {
            _firstLow[bank] = Row(groups, bank, 0);
            _firstHigh[bank] = Row(groups, bank, 1);
            _secondLow[bank] = Row(groups, bank, 2);
            _secondHigh[bank] = Row(groups, bank, 3);
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

    /// <summary>Row <paramref name="row"/> of a bank's tables: for each nibble, the bits of the bank's groups that accept it there.</summary>
    private static Vector128<byte> Row(ushort[] groups, int bank, int row)
    {
        Span<byte> values = stackalloc byte[16];
        values.Clear();
        for (int g = 0; g < GroupsPerBank; g++)
        {
            ushort nibbles = groups[(((bank * GroupsPerBank) + g) * 4) + row];
            for (int k = 0; k < 16; k++)
            {
                values[k] |= (byte)(((nibbles >> k) & 1) << g);
            }
        }

        return Vector128.Create((ReadOnlySpan<byte>)values);
    }

    /// <summary>
    /// How often, roughly, a group accepting these nibbles lets a position of source code or prose
    /// through: the chance that its first byte passes times the chance that its second does.
    /// </summary>
    private static double Accepted(ushort firstLow, ushort firstHigh, ushort secondLow, ushort secondHigh) =>
        Passing(firstLow, firstHigh) * Passing(secondLow, secondHigh);

    private static double Passing(ushort low, ushort high)
    {
        double chance = 0;
        for (int b = 0; b < 256; b++)
        {
            if (((low >> (b & 15)) & (high >> (b >> 4)) & 1) != 0)
            {
                chance += Frequency((byte)b);
            }
        }

        return chance;
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
