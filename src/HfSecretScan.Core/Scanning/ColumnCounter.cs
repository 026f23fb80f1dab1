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

    public ColumnCounter(ContentEncoding encoding)
    {
        // Replacement fallback: each invalid UTF-8 sequence decodes to one U+FFFD, as editors show it.
        _utf8 = encoding == ContentEncoding.Utf8 ? new UTF8Encoding(false, false).GetDecoder() : null;
    }

    /// <summary>Code units in <paramref name="bytes"/>; <paramref name="flush"/> ends any pending sequence.</summary>
    public long Count(ReadOnlySpan<byte> bytes, bool flush) =>
        _utf8 is null ? bytes.Length / 2 : _utf8.GetCharCount(bytes, flush);

    /// <summary>Starts a new line.</summary>
    public void Reset() => _utf8?.Reset();
}
