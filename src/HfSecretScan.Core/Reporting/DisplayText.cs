using System.Text;

namespace HfSecretScan.Reporting;

/// <summary>
/// The one escaper for names that reach a terminal or a log as text (paths, ref names, author
/// names, problem messages): a name with a control character or a bidirectional control is shown
/// the way git quotes paths, <c>"evil\n\033[2K\rOK.py"</c>, so a hostile repository cannot erase,
/// rewrite or reorder the line that reports it. Clean names are shown as they are.
/// </summary>
public static class DisplayText
{
    /// <summary>
    /// <paramref name="text"/> as it is when it holds nothing that a terminal interprets and does not
    /// start with a quote; otherwise in double quotes with C escapes (<c>\n</c>, <c>\t</c>, <c>\"</c>,
    /// <c>\\</c>) and the UTF-8 bytes of any other such character in octal (<c>\033</c>,
    /// <c>\342\200\256</c> for U+202E).
    /// </summary>
    /// <remarks>A leading quote is quoted too, so a name that looks quoted is never taken for an escaped one.</remarks>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsQuoting(text))
        {
            return text;
        }

        var quoted = new StringBuilder(text.Length + 8).Append('"');
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            int value = rune.Value;
            switch (value)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append(@"\\");
                    break;
                case '\a':
                    quoted.Append(@"\a");
                    break;
                case '\b':
                    quoted.Append(@"\b");
                    break;
                case '\t':
                    quoted.Append(@"\t");
                    break;
                case '\n':
                    quoted.Append(@"\n");
                    break;
                case '\v':
                    quoted.Append(@"\v");
                    break;
                case '\f':
                    quoted.Append(@"\f");
                    break;
                case '\r':
                    quoted.Append(@"\r");
                    break;
                default:
                    if (IsUnsafe(value))
                    {
                        int length = rune.EncodeToUtf8(utf8);
                        foreach (byte b in utf8[..length])
                        {
                            quoted.Append('\\').Append((char)('0' + (b >> 6))).Append((char)('0' + ((b >> 3) & 7))).Append((char)('0' + (b & 7)));
                        }
                    }
                    else
                    {
                        quoted.Append(rune.ToString());
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>True when <see cref="Quote"/> would change <paramref name="text"/>.</summary>
    public static bool NeedsQuoting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('"'))
        {
            return true;
        }

        // Every unsafe character is in the Basic Multilingual Plane, so UTF-16 units are enough here.
        foreach (char c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="text"/> can go into a CI host's command as it is, escaped by the
    /// host's own rules: no character <see cref="Quote"/> escapes except line breaks, which those
    /// rules carry. Any other would reach the log raw, so such a path is named in the message instead.
    /// </summary>
    public static bool FitsCommandProperty(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (c != '\r' && c != '\n' && IsUnsafe(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// C0 controls, DEL and C1 controls (ESC, CSI, CR, BEL, line breaks), the Unicode line and
    /// paragraph separators, and the bidirectional marks, embeddings, overrides and isolates, which
    /// reorder what follows them on the line.
    /// </summary>
    private static bool IsUnsafe(int c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
        || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}
