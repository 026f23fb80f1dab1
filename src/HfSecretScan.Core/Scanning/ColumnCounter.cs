using System.Text;
using HfSecretScan.Content;

namespace HfSecretScan.Scanning;

/// <summary>
/// Counts the UTF-16 code units that bytes of a line decode to, across window edges, so that
/// columns match what editors, Visual Studio and SARIF viewers show.
/// </summary>
internal sealed class ColumnCounter
{
    private readonly Decoder? _utf8;
    private readonly char[] _scratch = [];

    // True while the decoder holds no partial sequence: after a reset, a flush or an ASCII byte.
    private bool _settled = true;

    public ColumnCounter(ContentEncoding encoding)
    {
        // Replacement fallback: each invalid UTF-8 sequence decodes to one U+FFFD, as editors show it.
        if (encoding == ContentEncoding.Utf8)
        {
            _utf8 = new UTF8Encoding(false, false).GetDecoder();
            _scratch = new char[4096];
        }
    }

    /// <summary>Code units in <paramref name="bytes"/>; <paramref name="flush"/> ends any pending sequence.</summary>
    public long Count(ReadOnlySpan<byte> bytes, bool flush)
    {
        if (_utf8 is null)
        {
            return bytes.Length / 2;
        }

        // ASCII is one unit per byte; only a settled decoder may be skipped over it.
        long count = 0;
        if (_settled)
        {
            // Ascii.IsValid is precompiled; the generic range search is not, and runs as tier-0 code in a short scan.
            if (System.Text.Ascii.IsValid(bytes))
            {
                return bytes.Length;
            }

            int ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);

            count = ascii;
            bytes = bytes[ascii..];
        }

        // Decoder.GetCharCount leaves the decoder's state alone, so a sequence cut by a read edge
        // would be counted wrong; Convert carries it over to the next call.
        _settled = flush || (bytes.IsEmpty ? _settled : bytes[^1] < 0x80);
        bool completed;
        do
        {
            _utf8.Convert(bytes, _scratch, flush, out int bytesUsed, out int charsUsed, out completed);
            count += charsUsed;
            bytes = bytes[bytesUsed..];
        }
        while (!completed);

        return count;
    }

    /// <summary>Starts a new line.</summary>
    public void Reset()
    {
        _utf8?.Reset();
        _settled = true;
    }
}
