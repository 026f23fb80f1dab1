using System.Text;

namespace HfSecretScan.Tests;

/// <summary>How a test text is turned into bytes: the encodings the engine reads as text.</summary>
public enum TextLayout
{
    Utf8,
    Utf8Bom,
    Utf16LEBom,
    Utf16BEBom,
}

/// <summary>Encodes test texts and computes where a character lands, independently of the engine.</summary>
internal static class TextLayouts
{
    public static readonly TextLayout[] All = [TextLayout.Utf8, TextLayout.Utf8Bom, TextLayout.Utf16LEBom, TextLayout.Utf16BEBom];

    public static byte[] Encode(string text, TextLayout layout)
    {
        Encoding encoding = Encoding(layout);
        byte[] preamble = layout == TextLayout.Utf8 ? [] : encoding.GetPreamble();
        return [.. preamble, .. encoding.GetBytes(text)];
    }

    public static Encoding Encoding(TextLayout layout) => layout switch
    {
        TextLayout.Utf16LEBom => System.Text.Encoding.Unicode,
        TextLayout.Utf16BEBom => System.Text.Encoding.BigEndianUnicode,
        _ => new UTF8Encoding(true),
    };

    /// <summary>Byte offset of character <paramref name="charIndex"/> of <paramref name="text"/> once encoded.</summary>
    public static long ByteOffset(string text, int charIndex, TextLayout layout) =>
        Encode(text[..charIndex], layout).Length;

    /// <summary>
    /// 1-based line and column (UTF-16 code units) of <paramref name="charIndex"/>, with LF, CRLF
    /// and lone CR ending lines: the reference the engine is checked against.
    /// </summary>
    public static (int Line, int Column) Position(string text, int charIndex)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < charIndex; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, charIndex - lineStart + 1);
    }
}
