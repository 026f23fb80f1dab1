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
    private const int Groups = 8;

    private readonly Vector128<byte> _firstLow;
    private readonly Vector128<byte> _firstHigh;
    private readonly Vector128<byte> _secondLow;
    private readonly Vector128<byte> _secondHigh;
    private readonly ulong[] _exact = new ulong[65536 / 64];

    /// <summary>Prepares the search for <paramref name="pairs"/>, each written as two bytes.</summary>
    public PairSearch(IEnumerable<(byte First, byte Second)> pairs)
    {
        Span<byte> firstLow = stackalloc byte[16];
        Span<byte> firstHigh = stackalloc byte[16];
        Span<byte> secondLow = stackalloc byte[16];
        Span<byte> secondHigh = stackalloc byte[16];
        firstLow.Clear();
        firstHigh.Clear();
        secondLow.Clear();
        secondHigh.Clear();

        // Pairs sharing a second byte share a group: fewer false candidates than spreading them.
        var bySecond = pairs.Distinct().GroupBy(p => p.Second).OrderBy(g => g.Key).ToList();
        for (int g = 0; g < bySecond.Count; g++)
        {
            byte bit = (byte)(1 << (g % Groups));
            foreach (var (first, second) in bySecond[g])
            {
                firstLow[first & 15] |= bit;
                firstHigh[first >> 4] |= bit;
                secondLow[second & 15] |= bit;
                secondHigh[second >> 4] |= bit;
                int key = (first << 8) | second;
                _exact[key >> 6] |= 1UL << (key & 63);
            }
        }

        _firstLow = Vector128.Create((ReadOnlySpan<byte>)firstLow);
        _firstHigh = Vector128.Create((ReadOnlySpan<byte>)firstHigh);
        _secondLow = Vector128.Create((ReadOnlySpan<byte>)secondLow);
        _secondHigh = Vector128.Create((ReadOnlySpan<byte>)secondHigh);
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
        if (Avx2.IsSupported)
        {
            var firstLow = Vector256.Create(_firstLow, _firstLow);
            var firstHigh = Vector256.Create(_firstHigh, _firstHigh);
            var secondLow = Vector256.Create(_secondLow, _secondLow);
            var secondHigh = Vector256.Create(_secondHigh, _secondHigh);
            var nibble = Vector256.Create((byte)15);
            for (; i + Vector256<byte>.Count < limit; i += Vector256<byte>.Count)
            {
                var a = Vector256.LoadUnsafe(ref start, (nuint)i);
                var b = Vector256.LoadUnsafe(ref start, (nuint)(i + 1));
                var groups = Avx2.Shuffle(firstLow, a & nibble)
                    & Avx2.Shuffle(firstHigh, Vector256.ShiftRightLogical(a.AsUInt16(), 4).AsByte() & nibble)
                    & Avx2.Shuffle(secondLow, b & nibble)
                    & Avx2.Shuffle(secondHigh, Vector256.ShiftRightLogical(b.AsUInt16(), 4).AsByte() & nibble);
                uint hits = ~Vector256.Equals(groups, Vector256<byte>.Zero).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    hits &= hits - 1;
                    if (IsPair(span[at], span[at + 1]))
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
                var groups = Ssse3.Shuffle(_firstLow, a & nibble)
                    & Ssse3.Shuffle(_firstHigh, Vector128.ShiftRightLogical(a.AsUInt16(), 4).AsByte() & nibble)
                    & Ssse3.Shuffle(_secondLow, b & nibble)
                    & Ssse3.Shuffle(_secondHigh, Vector128.ShiftRightLogical(b.AsUInt16(), 4).AsByte() & nibble);
                uint hits = ~Vector128.Equals(groups, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
                while (hits != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(hits);
                    hits &= hits - 1;
                    if (IsPair(span[at], span[at + 1]))
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
}
