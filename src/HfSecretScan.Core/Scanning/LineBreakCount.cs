using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HfSecretScan.Scanning;

/// <summary>
/// One vectorized pass over a stretch of UTF-8 that counts its LF bytes and says whether it is
/// plain: printable ASCII and tabs only, so no CR, no other line end and no non-ASCII byte needs a
/// closer look. The located pass over a large file runs this on every byte up to its last token.
/// </summary>
internal static class LineBreakCount
{
    // A byte lane counts at most 255 LFs before it must be added up.
    private const int MaxBlocksPerFlush = 255;

    /// <summary>The LF bytes in <paramref name="bytes"/>; <paramref name="plain"/> when every byte is in 0x0E..0x7F.</summary>
    /// <remarks>
    /// Compiled fully optimized on first call, like the prefix search: the BCL's generic Count and
    /// range searches are not precompiled for this use, and their tier-0 code ran most of a 1 GiB pass.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Count(ReadOnlySpan<byte> bytes, out bool plain)
    {
        ref byte start = ref MemoryMarshal.GetReference(bytes);
        long breaks = 0;
        bool special = false;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lineFeed = new Vector<byte>((byte)'\n');
            var lowest = new Vector<byte>(0x0E);
            var span = new Vector<byte>(0x7F - 0x0E);
            while (i + Vector<byte>.Count <= bytes.Length)
            {
                var counts = Vector<byte>.Zero;
                var outside = Vector<byte>.Zero;
                for (int block = 0; block < MaxBlocksPerFlush && i + Vector<byte>.Count <= bytes.Length; block++, i += Vector<byte>.Count)
                {
                    var v = Vector.LoadUnsafe(ref start, (nuint)i);
                    counts -= Vector.Equals(v, lineFeed);
                    outside |= Vector.GreaterThan(v - lowest, span);
                }

                breaks += Sum(counts);
                special |= outside != Vector<byte>.Zero;
            }
        }

        for (; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            breaks += b == '\n' ? 1 : 0;
            special |= b is < 0x0E or > 0x7F;
        }

        plain = !special;
        return breaks;
    }

    private static long Sum(Vector<byte> counts)
    {
        Vector.Widen(counts, out var low, out var high);
        return Vector.Sum(low + high);
    }
}
