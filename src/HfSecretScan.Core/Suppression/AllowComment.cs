using System.Text;
using HfSecretScan.Content;

namespace HfSecretScan.Suppression;

/// <summary>
/// The <c>hf-scan:allow</c> marker: a line that carries it (in a comment, usually) has its
/// findings suppressed. Searched only on lines that hold a token.
/// </summary>
public static class AllowComment
{
    /// <summary>The marker text.</summary>
    public const string Marker = "hf-scan:allow";

    private static readonly byte[] MarkerUtf8 = Encoding.UTF8.GetBytes(Marker);
    private static readonly byte[] MarkerUtf16LE = Encoding.Unicode.GetBytes(Marker);
    private static readonly byte[] MarkerUtf16BE = Encoding.BigEndianUnicode.GetBytes(Marker);

    /// <summary>The marker as it is written in text of <paramref name="encoding"/>.</summary>
    internal static ReadOnlySpan<byte> MarkerBytes(ContentEncoding encoding) => encoding switch
    {
        ContentEncoding.Utf16LE => MarkerUtf16LE,
        ContentEncoding.Utf16BE => MarkerUtf16BE,
        _ => MarkerUtf8,
    };

    /// <summary>Whether the bytes <c>[lineStart, lineEnd)</c> of <paramref name="content"/> contain the marker.</summary>
    public static bool IsOnLine(IScanContent content, ContentEncoding encoding, long lineStart, long lineEnd, byte[] buffer)
    {
        var marker = MarkerBytes(encoding);

        // Consecutive windows overlap by one byte less than the marker so none is cut in two.
        long position = lineStart;
        while (position + marker.Length <= lineEnd)
        {
            int want = (int)Math.Min(buffer.Length, lineEnd - position);
            int read = content.Read(position, buffer.AsSpan(0, want));
            if (read < marker.Length)
            {
                return false;
            }

            if (buffer.AsSpan(0, read).IndexOf(marker) >= 0)
            {
                return true;
            }

            position += read - marker.Length + 1;
        }

        return false;
    }
}
