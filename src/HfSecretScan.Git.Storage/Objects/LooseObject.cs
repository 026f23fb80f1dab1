using System.IO.Compression;
using System.Text;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>A loose object file: zlib over <c>type size\0</c> and the content.</summary>
internal static class LooseObject
{
    private const int LongestHeader = 32;

    /// <summary>The loose file of the object whose id is <paramref name="sha"/> in <paramref name="objectFolder"/> (it may not exist).</summary>
    public static string PathOf(string objectFolder, string sha) => Path.Combine(objectFolder, sha[..2], sha[2..]);

    /// <summary>Reads a whole loose object.</summary>
    public static RawObject Read(string path)
    {
        using var stream = Open(path, out var type, out long size);
        if (size > Array.MaxLength)
        {
            throw new InvalidDataException($"{path}: an object of {size} bytes is too large to hold whole");
        }

        var data = new byte[size];
        if (stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false) != data.Length)
        {
            throw new InvalidDataException($"{path}: shorter than its header says ({size} bytes)");
        }

        return new RawObject(type, data);
    }

    /// <summary>Opens a loose object's content as a stream, past its header.</summary>
    public static Stream Open(string path, out RawObjectType type, out long size)
    {
        var stream = new ZLibStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16), CompressionMode.Decompress);
        try
        {
            Span<byte> header = stackalloc byte[LongestHeader];
            int length = 0;
            while (true)
            {
                int b = stream.ReadByte();
                if (b < 0 || length == header.Length)
                {
                    throw new InvalidDataException($"{path}: no loose object header");
                }

                if (b == 0)
                {
                    break;
                }

                header[length++] = (byte)b;
            }

            string text = Encoding.ASCII.GetString(header[..length]);
            int space = text.IndexOf(' ', StringComparison.Ordinal);
            type = space < 0 ? RawObjectType.Blob : text[..space] switch
            {
                "commit" => RawObjectType.Commit,
                "tree" => RawObjectType.Tree,
                "blob" => RawObjectType.Blob,
                "tag" => RawObjectType.Tag,
                _ => throw new InvalidDataException($"{path}: unknown object type in '{text}'"),
            };
            if (space < 0 || !long.TryParse(text.AsSpan(space + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size))
            {
                throw new InvalidDataException($"{path}: malformed loose object header '{text}'");
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
