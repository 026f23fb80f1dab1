namespace HfSecretScan.Content;

/// <summary>How a content's bytes are to be read, decided from its first bytes.</summary>
public enum ContentEncoding
{
    /// <summary>UTF-8 or any ASCII-compatible text, with or without BOM; invalid sequences allowed.</summary>
    Utf8,

    /// <summary>UTF-16 little-endian text with a BOM.</summary>
    Utf16LE,

    /// <summary>UTF-16 big-endian text with a BOM.</summary>
    Utf16BE,

    /// <summary>Not text (a NUL byte early on): searched for the ASCII and UTF-16LE forms, located by byte offset.</summary>
    Binary,
}

/// <summary>The result of sniffing a content's first bytes.</summary>
/// <param name="Encoding">How to read it.</param>
/// <param name="PreambleLength">Length of the byte order mark, 0 when there is none.</param>
public readonly record struct ContentKind(ContentEncoding Encoding, int PreambleLength)
{
    /// <summary>Bytes git and most tools look at to tell text from binary.</summary>
    public const int SniffLength = 8000;

    /// <summary>Whether findings are located by line and column.</summary>
    public bool IsText => Encoding != ContentEncoding.Binary;

    /// <summary>Decides the kind of content from its first bytes (up to <see cref="SniffLength"/>).</summary>
    public static ContentKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(ContentEncoding.Utf8, 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(ContentEncoding.Utf16LE, 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(ContentEncoding.Utf16BE, 2);
        }

        var sniffed = head[..Math.Min(head.Length, SniffLength)];
        return sniffed.IndexOf((byte)0) >= 0 ? new(ContentEncoding.Binary, 0) : new(ContentEncoding.Utf8, 0);
    }
}
