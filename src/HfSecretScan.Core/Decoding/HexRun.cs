namespace HfSecretScan.Decoding;

/// <summary>
/// A hexadecimal value around a candidate: a run of hex digits, optionally split into groups by
/// single spaces or colons as dumps print them (<c>68 66 5f</c>, <c>68:66:5f</c>).
/// </summary>
internal static class HexRun
{
    /// <summary>Digits of the shortest hex that can hold a token: two per character.</summary>
    public static int MinimumLength { get; } = Detection.TokenRules.All.Min(r => r.Length) * 2;

    /// <summary>
    /// Finds the run around <paramref name="at"/>: its first digit, its end and its digits. Returns
    /// false when it touches an edge of <paramref name="bytes"/> where the content goes on.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> bytes, int at, bool atStart, bool atEnd, List<byte> digits, out int start, out int end)
    {
        digits.Clear();
        start = at;
        while (start > 0 && (char.IsAsciiHexDigit((char)bytes[start - 1]) || IsSeparatorAt(bytes, start - 1)))
        {
            start--;
        }

        // A grouped dump's groups hold whole bytes: a lone digit or odd word before it ("a 68 66") is not its start.
        while (true)
        {
            int group = start;
            while (group < at && char.IsAsciiHexDigit((char)bytes[group]))
            {
                group++;
            }

            if (group >= at || (group - start) % 2 == 0 || !IsSeparatorAt(bytes, group))
            {
                break;
            }

            start = group + 1;
        }

        end = at;
        while (end < bytes.Length && (char.IsAsciiHexDigit((char)bytes[end]) || IsSeparatorAt(bytes, end)))
        {
            end++;
        }

        if ((start == 0 && !atStart) || (end == bytes.Length && !atEnd))
        {
            return false;
        }

        for (int i = start; i < end; i++)
        {
            if (char.IsAsciiHexDigit((char)bytes[i]))
            {
                digits.Add(bytes[i]);
            }
        }

        return true;
    }

    /// <summary>Decodes pairs of digits from <paramref name="shift"/> (0 or 1) on.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> digits, int shift)
    {
        var decoded = new byte[Math.Max(0, (digits.Length - shift) / 2)];
        for (int i = 0; i < decoded.Length; i++)
        {
            decoded[i] = (byte)((Value(digits[shift + (2 * i)]) << 4) | Value(digits[shift + (2 * i) + 1]));
        }

        return decoded;
    }

    private static int Value(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    // A separator counts only between two digits: "68 66" is one value, "68  66" or "68 x" is not.
    private static bool IsSeparatorAt(ReadOnlySpan<byte> bytes, int i) =>
        bytes[i] is (byte)' ' or (byte)':' && i > 0 && i + 1 < bytes.Length && char.IsAsciiHexDigit((char)bytes[i - 1]) && char.IsAsciiHexDigit((char)bytes[i + 1]);
}
