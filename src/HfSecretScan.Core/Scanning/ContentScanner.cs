using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Suppression;

namespace HfSecretScan.Scanning;

/// <summary>
/// Scans one content at a time in fixed-size windows that overlap by the longest token, so a
/// token across a window edge is found and memory stays bounded whatever the size. Not
/// thread-safe: it owns a reusable buffer; use one per worker.
/// </summary>
public sealed class ContentScanner
{
    /// <summary>Default bytes read per window.</summary>
    public const int DefaultWindowSize = 1 << 20;

    private static readonly ByteForm[] AsciiForm = [ByteForm.Ascii];
    private static readonly ByteForm[] Utf16LEForm = [ByteForm.Utf16LE];
    private static readonly ByteForm[] Utf16BEForm = [ByteForm.Utf16BE];
    private static readonly ByteForm[] BinaryForms = [ByteForm.Ascii, ByteForm.Utf16LE];

    private readonly byte[] _buffer;
    private readonly List<RawToken> _found = [];

    /// <summary>Creates a scanner whose windows read <paramref name="windowSize"/> new bytes each.</summary>
    public ContentScanner(int windowSize = DefaultWindowSize)
    {
        // Large enough for the sniffed head, the carried-over context and one marker search.
        int size = Math.Max(windowSize, ContentKind.SniffLength) + TokenMatcher.LookbehindBytes + TokenMatcher.LookaheadBytes;
        _buffer = new byte[size];
    }

    /// <summary>Finds every token in <paramref name="content"/>, located and checked for allow comments.</summary>
    public ContentScan Scan(IScanContent content)
    {
        _found.Clear();
        int filled = content.Read(0, _buffer);
        var kind = ContentKind.Sniff(_buffer.AsSpan(0, filled));
        var forms = kind.Encoding switch
        {
            ContentEncoding.Utf8 => AsciiForm,
            ContentEncoding.Utf16LE => Utf16LEForm,
            ContentEncoding.Utf16BE => Utf16BEForm,
            _ => BinaryForms,
        };
        int alignment = kind.Encoding is ContentEncoding.Utf16LE or ContentEncoding.Utf16BE ? kind.PreambleLength & 1 : -1;

        bool endOfContent = filled < _buffer.Length;
        long windowOffset = 0;
        int from = kind.PreambleLength;
        while (true)
        {
            int limit = endOfContent ? filled : filled - TokenMatcher.LookaheadBytes;
            foreach (var form in forms)
            {
                TokenMatcher.Find(_buffer.AsSpan(0, filled), windowOffset, from, limit, form, alignment, _found, !kind.IsText);
            }

            if (endOfContent)
            {
                break;
            }

            // Keep the undecided tail plus some context before it, and refill behind it.
            int keepFrom = limit - TokenMatcher.LookbehindBytes;
            _buffer.AsSpan(keepFrom, filled - keepFrom).CopyTo(_buffer);
            windowOffset += keepFrom;
            filled -= keepFrom;
            from = limit - keepFrom;
            int want = _buffer.Length - filled;
            int read = content.Read(windowOffset + filled, _buffer.AsSpan(filled, want));
            filled += read;
            endOfContent = read < want;
        }

        long length = windowOffset + filled;
        if (_found.Count == 0)
        {
            return new ContentScan(kind, length, []);
        }

        _found.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
        return new ContentScan(kind, length, Locate(content, kind));
    }

    private LocatedToken[] Locate(IScanContent content, ContentKind kind)
    {
        var tokens = new LocatedToken[_found.Count];
        if (!kind.IsText)
        {
            for (int i = 0; i < tokens.Length; i++)
            {
                tokens[i] = new LocatedToken(_found[i], 0, 0, false);
            }

            return tokens;
        }

        var offsets = new long[_found.Count];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = _found[i].Offset;
        }

        var positions = LineLocator.Locate(content, kind, offsets, _buffer);
        bool allowed = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            var p = positions[i];
            if (i == 0 || p.LineStart != positions[i - 1].LineStart)
            {
                allowed = AllowComment.IsOnLine(content, kind.Encoding, p.LineStart, p.LineEnd, _buffer);
            }

            tokens[i] = new LocatedToken(_found[i], p.Line, p.Column, allowed);
        }

        return tokens;
    }
}
