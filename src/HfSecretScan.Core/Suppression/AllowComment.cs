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
    private static ReadOnlySpan<byte> MarkerBytes(ContentEncoding encoding) => encoding switch
    {
        ContentEncoding.Utf16LE => MarkerUtf16LE,
        ContentEncoding.Utf16BE => MarkerUtf16BE,
        _ => MarkerUtf8,
    };

    /// <summary>
    /// Bytes a window must read past the last place a marker may start in it, so that a marker
    /// that starts there is seen whole and none is cut in two by the window's edge.
    /// </summary>
    internal static int Overlap(ContentEncoding encoding) => MarkerBytes(encoding).Length - 1;

    /// <summary>
    /// Index of the first marker that starts in <c>bytes[from..own)</c>, text of
    /// <paramref name="encoding"/> (the marker may run on past <paramref name="own"/>), or -1.
    /// </summary>
    internal static int Find(ReadOnlySpan<byte> bytes, int from, int own, ContentEncoding encoding)
    {
        if (from >= own)
        {
            return -1;
        }

        int index = bytes[from..].IndexOf(MarkerBytes(encoding));
        return index >= 0 && from + index < own ? from + index : -1;
    }

    /// <summary>Whether the bytes <c>[lineStart, lineEnd)</c> of <paramref name="content"/> contain the marker.</summary>
    public static bool IsOnLine(IScanContent content, ContentEncoding encoding, long lineStart, long lineEnd, byte[] buffer)
    {
        int overlap = Overlap(encoding);
        long position = lineStart;
        while (position + overlap < lineEnd)
        {
            int want = (int)Math.Min(buffer.Length, lineEnd - position);
            int read = content.Read(position, buffer.AsSpan(0, want));
            if (read <= overlap)
            {
                return false;
            }

            if (Find(buffer.AsSpan(0, read), 0, read - overlap, encoding) >= 0)
            {
                return true;
            }

            position += read - overlap;
        }

        return false;
    }
}
