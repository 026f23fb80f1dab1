using System.Buffers.Text;

namespace HfSecretScan.Decoding;

/// <summary>
/// A base64 value around a candidate: the run of base64 characters, continued over line wraps
/// (PEM and MIME at 64 or 76 columns, YAML block scalars, <c>\n</c> escapes in JSON strings). A
/// wrapped value's lines all have the width of its first, at least <see cref="MinimumWrapWidth"/>,
/// but the last, which may be shorter; each ends right at the break and the next goes on, after
/// its indentation, with base64 (not with PEM's <c>-----END</c>).
/// </summary>
internal static class Base64Run
{
    /// <summary>A wrapped line is at least this long: shorter lines of base64-like words are not one value.</summary>
    public const int MinimumWrapWidth = 40;

    /// <summary>Characters of the shortest base64 that can hold a token.</summary>
    public static int MinimumLength { get; } = ((Detection.TokenRules.All.Min(r => r.Length) + 2) / 3) * 4 - 2;

    /// <summary>Whether <paramref name="c"/> belongs to either base64 alphabet.</summary>
    public static bool IsBase64(byte c) => char.IsAsciiLetterOrDigit((char)c) || c is (byte)'+' or (byte)'/' or (byte)'-' or (byte)'_';

    /// <summary>
    /// Finds the run around <paramref name="at"/> in <paramref name="bytes"/>: its first character,
    /// its end, and its characters without the wraps. Returns false when the run touches the edge
    /// of <paramref name="bytes"/> where more content may follow (read more and ask again).
    /// <paramref name="tail"/> is the length of a last line shorter than the others, 0 when there is none.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> bytes, int at, bool atStart, bool atEnd, List<byte> characters, out int start, out int end, out int tail)
    {
        characters.Clear();
        tail = 0;
        int segmentStart = at;
        while (segmentStart > 0 && IsBase64(bytes[segmentStart - 1]))
        {
            segmentStart--;
        }

        int segmentEnd = at;
        while (segmentEnd < bytes.Length && IsBase64(bytes[segmentEnd]))
        {
            segmentEnd++;
        }

        start = segmentStart;
        end = segmentEnd;
        if ((segmentStart == 0 && !atStart) || (segmentEnd == bytes.Length && !atEnd))
        {
            return false;
        }

        // Lines before, while each ends right at the break.
        var segments = new List<(int Start, int End)> { (segmentStart, segmentEnd) };
        while (BreakBefore(bytes, segments[0].Start) is int breakStart && breakStart >= 0)
        {
            int previousStart = breakStart;
            while (previousStart > 0 && IsBase64(bytes[previousStart - 1]))
            {
                previousStart--;
            }

            if (previousStart == 0 && !atStart)
            {
                return false;
            }

            int previousLength = breakStart - previousStart;
            int firstLength = segments[0].End - segments[0].Start;
            bool fits = segments.Count == 1 ? firstLength <= previousLength : firstLength == previousLength;
            if (previousLength < MinimumWrapWidth || !fits || StartsArmour(bytes, previousStart))
            {
                break;
            }

            segments.Insert(0, (previousStart, breakStart));
        }

        // Lines after, while the current one is long enough to have been wrapped.
        while (true)
        {
            var last = segments[^1];
            int width = segments[0].End - segments[0].Start;
            if (width < MinimumWrapWidth || last.End - last.Start != width)
            {
                break;
            }

            int next = AfterBreak(bytes, last.End);
            if (next < 0)
            {
                if (last.End + 8 > bytes.Length && !atEnd)
                {
                    return false;
                }

                break;
            }

            if (StartsArmour(bytes, next))
            {
                break;
            }

            int nextEnd = next;
            while (nextEnd < bytes.Length && IsBase64(bytes[nextEnd]))
            {
                nextEnd++;
            }

            if (nextEnd == bytes.Length && !atEnd)
            {
                return false;
            }

            segments.Add((next, nextEnd));
        }

        start = segments[0].Start;
        end = segments[^1].End;
        int lastLength = segments[^1].End - segments[^1].Start;
        tail = segments.Count > 1 && lastLength < segments[0].End - segments[0].Start ? lastLength : 0;
        foreach (var (s, e) in segments)
        {
            for (int i = s; i < e; i++)
            {
                characters.Add(bytes[i]);
            }
        }

        return true;
    }

    /// <summary>Decodes <paramref name="characters"/> from <paramref name="shift"/> on, either alphabet, padded or not.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> characters, int shift)
    {
        int length = characters.Length - shift;

        // A last group of one character holds no whole byte; one of two or three is padded.
        if (length % 4 == 1)
        {
            length--;
        }

        if (length <= 0)
        {
            return [];
        }

        var standard = new byte[(length + 3) / 4 * 4];
        for (int i = 0; i < length; i++)
        {
            byte c = characters[shift + i];
            standard[i] = c switch { (byte)'-' => (byte)'+', (byte)'_' => (byte)'/', _ => c };
        }

        standard.AsSpan(length).Fill((byte)'=');
        var decoded = new byte[standard.Length / 4 * 3];
        Base64.DecodeFromUtf8(standard, decoded, out _, out int written, isFinalBlock: true);
        return decoded[..written];
    }

    /// <summary>Whether the run uses the URL-safe alphabet.</summary>
    public static bool IsUrlSafe(ReadOnlySpan<byte> characters) => characters.IndexOfAny((byte)'-', (byte)'_') >= 0 && characters.IndexOfAny((byte)'+', (byte)'/') < 0;

    /// <summary>A PEM armour line (<c>-----END …</c>) is no base64, though <c>-</c> is in the URL-safe alphabet.</summary>
    private static bool StartsArmour(ReadOnlySpan<byte> bytes, int at) => bytes[at..].StartsWith("--"u8);

    /// <summary>Where the line break ending right before <paramref name="lineStart"/> (after indentation) starts, or -1.</summary>
    private static int BreakBefore(ReadOnlySpan<byte> bytes, int lineStart)
    {
        int i = lineStart;
        while (i > 0 && bytes[i - 1] is (byte)' ' or (byte)'\t')
        {
            i--;
        }

        if (i >= 2 && bytes[i - 2] == '\\' && bytes[i - 1] == 'n')
        {
            i -= 2;
            return i >= 2 && bytes[i - 2] == '\\' && bytes[i - 1] == 'r' ? i - 2 : i;
        }

        if (i >= 1 && bytes[i - 1] == '\n')
        {
            i--;
            return i >= 1 && bytes[i - 1] == '\r' ? i - 1 : i;
        }

        return i >= 1 && bytes[i - 1] == '\r' ? i - 1 : -1;
    }

    /// <summary>Where the next line's base64 starts when a line break (and indentation) follows <paramref name="end"/>, or -1.</summary>
    private static int AfterBreak(ReadOnlySpan<byte> bytes, int end)
    {
        int i = end;
        if (i + 1 < bytes.Length && bytes[i] == '\\' && bytes[i + 1] == 'r')
        {
            i += 2;
        }

        if (i + 1 < bytes.Length && bytes[i] == '\\' && bytes[i + 1] == 'n')
        {
            i += 2;
        }
        else
        {
            if (i < bytes.Length && bytes[i] == '\r')
            {
                i++;
            }

            if (i < bytes.Length && bytes[i] == '\n')
            {
                i++;
            }
        }

        if (i == end)
        {
            return -1;
        }

        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i < bytes.Length && IsBase64(bytes[i]) ? i : -1;
    }
}
