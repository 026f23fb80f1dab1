namespace HfSecretScan.Decoding;

/// <summary>
/// The escapes written character by character: percent-encoding, <c>\uXXXX</c>, HTML character
/// references and quoted-printable. Each decodes a neighbourhood to bytes, remembering for every
/// decoded byte where its source starts and whether it was escaped, so that a token is reported at
/// its own first encoded character.
/// </summary>
internal static class CharacterEscapes
{
    /// <summary>Which escape a candidate at <paramref name="at"/> (a pair of <see cref="EncodedAnchors.EscapePairs"/>) belongs to, or null.</summary>
    public static string? SchemeAt(ReadOnlySpan<byte> bytes, int at)
    {
        byte first = bytes[at];
        byte second = bytes[at + 1];
        if (first == '=' && second is (byte)'\r' or (byte)'\n')
        {
            return EncodingNames.QuotedPrintable;
        }

        if (first == '#')
        {
            return at >= 1 && bytes[at - 1] == '&' ? EncodingNames.Html : null;
        }

        if (at >= 1 && bytes[at - 1] == '%')
        {
            return EncodingNames.Percent;
        }

        if (at >= 1 && bytes[at - 1] == '=')
        {
            return EncodingNames.QuotedPrintable;
        }

        if (at >= 4 && bytes[at - 4] == '\\' && bytes[at - 3] is (byte)'u' or (byte)'U' && bytes[at - 2] == '0' && bytes[at - 1] == '0')
        {
            return EncodingNames.UnicodeEscape;
        }

        return at >= 3 && bytes[at - 3] == '&' && bytes[at - 2] == '#' && bytes[at - 1] is (byte)'x' or (byte)'X' ? EncodingNames.Html : null;
    }

    /// <summary>Whether the decoded bytes <c>[start, end)</c> were not all written as themselves: one of them escaped, or a soft line break inside.</summary>
    public static bool WasEncoded(List<EscapeState> states, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (states[i] == EscapeState.Escaped || (states[i] == EscapeState.AfterSoftBreak && i > start))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes <paramref name="bytes"/> with <paramref name="scheme"/>; <paramref name="sources"/> and <paramref name="escaped"/> receive, per decoded byte, its source index and how it was written.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> bytes, string scheme, List<int> sources, List<EscapeState> escaped)
    {
        sources.Clear();
        escaped.Clear();
        var decoded = new List<byte>(bytes.Length);
        int i = 0;
        bool afterSoftBreak = false;
        while (i < bytes.Length)
        {
            int value;
            int length = scheme switch
            {
                EncodingNames.Percent => Percent(bytes, i, out value),
                EncodingNames.UnicodeEscape => Unicode(bytes, i, out value),
                EncodingNames.Html => Html(bytes, i, out value),
                _ => QuotedPrintable(bytes, i, out value),
            };
            if (length == 0)
            {
                decoded.Add(bytes[i]);
                sources.Add(i);

                // A token broken by a soft line break was encoded even if none of its characters was.
                escaped.Add(afterSoftBreak ? EscapeState.AfterSoftBreak : EscapeState.Literal);
                afterSoftBreak = false;
                i++;
                continue;
            }

            // A soft line break decodes to nothing; a character beyond ASCII is no token character.
            if (value >= 0)
            {
                decoded.Add(value < 0x80 ? (byte)value : (byte)0x80);
                sources.Add(i);
                escaped.Add(EscapeState.Escaped);
            }
            else
            {
                afterSoftBreak = true;
            }

            i += length;
        }

        return [.. decoded];
    }

    private static int Percent(ReadOnlySpan<byte> b, int i, out int value)
    {
        value = -1;
        return b[i] == '%' && TryHex(b, i + 1, 2, out value) ? 3 : 0;
    }

    private static int Unicode(ReadOnlySpan<byte> b, int i, out int value)
    {
        value = -1;
        return i + 1 < b.Length && b[i] == '\\' && b[i + 1] is (byte)'u' or (byte)'U' && TryHex(b, i + 2, 4, out value) ? 6 : 0;
    }

    private static int Html(ReadOnlySpan<byte> b, int i, out int value)
    {
        value = -1;
        if (i + 2 >= b.Length || b[i] != '&' || b[i + 1] != '#')
        {
            return 0;
        }

        bool hex = b[i + 2] is (byte)'x' or (byte)'X';
        int j = i + (hex ? 3 : 2);
        int digits = 0;
        int v = 0;
        while (j < b.Length && digits < 7 && (hex ? char.IsAsciiHexDigit((char)b[j]) : char.IsAsciiDigit((char)b[j])))
        {
            v = (v * (hex ? 16 : 10)) + HexValue(b[j]);
            j++;
            digits++;
        }

        if (digits == 0)
        {
            return 0;
        }

        value = v;
        return j < b.Length && b[j] == ';' ? j + 1 - i : j - i;
    }

    private static int QuotedPrintable(ReadOnlySpan<byte> b, int i, out int value)
    {
        value = -1;
        if (b[i] != '=')
        {
            return 0;
        }

        if (i + 1 < b.Length && b[i + 1] == '\n')
        {
            return 2;
        }

        if (i + 2 < b.Length && b[i + 1] == '\r' && b[i + 2] == '\n')
        {
            return 3;
        }

        return TryHex(b, i + 1, 2, out value) ? 3 : 0;
    }

    private static bool TryHex(ReadOnlySpan<byte> b, int at, int count, out int value)
    {
        value = 0;
        if (at + count > b.Length)
        {
            return false;
        }

        for (int k = 0; k < count; k++)
        {
            if (!char.IsAsciiHexDigit((char)b[at + k]))
            {
                return false;
            }

            value = (value << 4) | HexValue(b[at + k]);
        }

        return true;
    }

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/// <summary>How one decoded byte was written.</summary>
internal enum EscapeState : byte
{
    /// <summary>As itself.</summary>
    Literal,

    /// <summary>As an escape.</summary>
    Escaped,

    /// <summary>As itself, right after a soft line break.</summary>
    AfterSoftBreak,
}
