using HfSecretScan.Content;
using HfSecretScan.Detection;

namespace HfSecretScan.Scanning;

/// <summary>
/// How one content is searched, once its kind is known: the byte forms to look for, the UTF-16
/// alignment, and the loop over windows that overlap by the context a token needs on each side.
/// </summary>
internal sealed class WindowSearch
{
    private static readonly ByteForm[] AsciiForm = [ByteForm.Ascii];
    private static readonly ByteForm[] Utf16LEForm = [ByteForm.Utf16LE];
    private static readonly ByteForm[] Utf16BEForm = [ByteForm.Utf16BE];
    private static readonly ByteForm[] BinaryForms = [ByteForm.Ascii, ByteForm.Utf16LE];

    private readonly ByteForm[] _forms;
    private readonly int _alignment;
    private readonly bool _binary;
    private readonly IScanContent _content;
    private readonly Decoding.LayerDecoder? _decoder;

    /// <param name="kind">The content's encoding.</param>
    /// <param name="content">The content, read again when an encoded value reaches beyond a window.</param>
    /// <param name="maxDecodeDepth">Encodings decoded in a chain; only UTF-8 text is decoded.</param>
    public WindowSearch(ContentKind kind, IScanContent content, int maxDecodeDepth)
    {
        _content = content;
        _decoder = kind.Encoding == ContentEncoding.Utf8 ? Decoding.LayerDecoder.ForDepth(maxDecodeDepth) : null;
        _forms = kind.Encoding switch
        {
            ContentEncoding.Utf8 => AsciiForm,
            ContentEncoding.Utf16LE => Utf16LEForm,
            ContentEncoding.Utf16BE => Utf16BEForm,
            _ => BinaryForms,
        };
        _alignment = kind.Encoding is ContentEncoding.Utf16LE or ContentEncoding.Utf16BE ? kind.PreambleLength & 1 : -1;
        _binary = !kind.IsText;
    }

    /// <summary>Bytes a window holds besides its new bytes: context before and after them.</summary>
    public static int Context => TokenMatcher.LookbehindBytes + TokenMatcher.LookaheadBytes;

    /// <summary>Finds the tokens that start in <c>window[from..limit)</c>, and those encoded in values whose candidates start there.</summary>
    public void Find(ReadOnlySpan<byte> window, long windowOffset, int from, int limit, bool windowEndsContent, List<RawToken> output)
    {
        foreach (var form in _forms)
        {
            TokenMatcher.Find(window, windowOffset, from, limit, form, _alignment, output, _binary);
        }

        _decoder?.Find(window, windowOffset, from, limit, windowEndsContent, _content, output);
    }

    /// <summary>
    /// Finds the tokens that start in <c>[start, end)</c> of <paramref name="content"/>, reading
    /// windows into <paramref name="buffer"/>, and returns where the content ended (or
    /// <paramref name="end"/> when it goes on). <paramref name="start"/> must leave the lookbehind
    /// before it: windows re-read that context instead of carrying it over, so ranges of one
    /// content can be searched by several threads at once.
    /// </summary>
    public long Search(IScanContent content, byte[] buffer, long start, long end, List<RawToken> output)
    {
        int step = buffer.Length - Context;
        long position = start;
        while (position < end)
        {
            long windowOffset = position - TokenMatcher.LookbehindBytes;
            long stop = Math.Min(end, position + step);
            int want = (int)(stop + TokenMatcher.LookaheadBytes - windowOffset);
            int read = content.Read(windowOffset, buffer.AsSpan(0, want));
            if (read < want)
            {
                // The content ends in this window: every start up to its end that is still ours.
                int last = (int)Math.Min(read, end - windowOffset);
                Find(buffer.AsSpan(0, read), windowOffset, TokenMatcher.LookbehindBytes, last, true, output);
                return windowOffset + read;
            }

            Find(buffer.AsSpan(0, read), windowOffset, TokenMatcher.LookbehindBytes, (int)(stop - windowOffset), false, output);
            position = stop;
        }

        return end;
    }
}
