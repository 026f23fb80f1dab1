using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HfSecretScan.Detection;

/// <summary>
/// One vectorized pass that finds where any rule's ASCII prefix may end. Every prefix ends in
/// <c>_</c> and the characters before it differ (<c>f_</c> for <c>hf_</c>, <c>g_</c> for
/// <c>api_org_</c>), so comparing two shifted loads against that pair finds the candidates of all
/// rules at once, instead of one <c>IndexOf</c> pass per rule.
/// </summary>
internal sealed class PrefixAnchorSearch
{
    private readonly byte _last;
    private readonly byte _penultimateA;
    private readonly byte _penultimateB;

    public PrefixAnchorSearch(IReadOnlyList<TokenRule> rules)
    {
        if (rules.Count is < 1 or > 2 || rules.Any(r => r.Prefix.Length < 2 || r.Prefix[^1] != rules[0].Prefix[^1]))
        {
            throw new ArgumentException("The anchor search handles one or two prefixes that end in the same character.", nameof(rules));
        }

        _last = (byte)rules[0].Prefix[^1];
        _penultimateA = (byte)rules[0].Prefix[^2];
        _penultimateB = (byte)rules[^1].Prefix[^2];
    }

    /// <summary>
    /// Index <c>i</c> of the first pair <c>span[i], span[i + 1]</c> that ends some prefix, or -1.
    /// </summary>
    /// <remarks>
    /// Compiled fully optimized on first call: a scan is short, and the tiered JIT's first, unoptimized
    /// version of a vector loop would run much of it (vector operations are calls there).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IndexOfAnchor(ReadOnlySpan<byte> span)
    {
        ref byte start = ref MemoryMarshal.GetReference(span);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Vector<byte> is as wide as the hardware allows (32 bytes with AVX2, 16 with NEON).
            var last = new Vector<byte>(_last);
            var a = new Vector<byte>(_penultimateA);
            var b = new Vector<byte>(_penultimateB);

            // Two vectors a step, tested together: half the branches, which matter most at the
            // 16-byte width of Native AOT's x86-64 baseline (bench/notes/layers.md).
            for (; i + (2 * Vector<byte>.Count) < span.Length; i += 2 * Vector<byte>.Count)
            {
                var current0 = Vector.LoadUnsafe(ref start, (nuint)i);
                var next0 = Vector.LoadUnsafe(ref start, (nuint)(i + 1));
                var current1 = Vector.LoadUnsafe(ref start, (nuint)(i + Vector<byte>.Count));
                var next1 = Vector.LoadUnsafe(ref start, (nuint)(i + Vector<byte>.Count + 1));
                var hits0 = Vector.Equals(next0, last) & (Vector.Equals(current0, a) | Vector.Equals(current0, b));
                var hits1 = Vector.Equals(next1, last) & (Vector.Equals(current1, a) | Vector.Equals(current1, b));
                if ((hits0 | hits1) != Vector<byte>.Zero)
                {
                    return hits0 != Vector<byte>.Zero ? i + FirstSet(hits0) : i + Vector<byte>.Count + FirstSet(hits1);
                }
            }

            for (; i + Vector<byte>.Count < span.Length; i += Vector<byte>.Count)
            {
                var current = Vector.LoadUnsafe(ref start, (nuint)i);
                var next = Vector.LoadUnsafe(ref start, (nuint)(i + 1));
                var hits = Vector.Equals(next, last) & (Vector.Equals(current, a) | Vector.Equals(current, b));
                if (hits != Vector<byte>.Zero)
                {
                    return i + FirstSet(hits);
                }
            }
        }

        for (; i + 1 < span.Length; i++)
        {
            if (span[i + 1] == _last && (span[i] == _penultimateA || span[i] == _penultimateB))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FirstSet(Vector<byte> hits) => Vector<byte>.Count switch
    {
        16 => BitOperations.TrailingZeroCount(hits.AsVector128().ExtractMostSignificantBits()),
        32 => BitOperations.TrailingZeroCount(hits.AsVector256().ExtractMostSignificantBits()),
        _ => BitOperations.TrailingZeroCount(hits.AsVector512().ExtractMostSignificantBits()),
    };
}
