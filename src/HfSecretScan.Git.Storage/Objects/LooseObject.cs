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
    /// <exception cref="CorruptObjectException">Its content is shorter or longer than its header says.</exception>
    public static RawObject Read(string path)
    {
        using var stream = Open(path, out var type, out long size);
        if (size > Array.MaxLength)
        {
            throw Corrupt(path, $"an object of {size} bytes is too large to hold whole");
        }

        var data = new byte[size];
        stream.ReadExactly(data);

        // One byte more: the checked stream throws when the zlib stream runs past the header's size.
        stream.ReadByte();

        return new RawObject(type, data);
    }

    /// <summary>
    /// Opens a loose object's content as a stream, past its header, held to the size the header
    /// says (see <see cref="SizeCheckedStream"/>).
    /// </summary>
    /// <exception cref="CorruptObjectException">The header is malformed or says more than the file can inflate to.</exception>
    public static Stream Open(string path, out RawObjectType type, out long size)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        long compressed = file.Length;
        var stream = new ZLibStream(file, CompressionMode.Decompress);
        try
        {
            Span<byte> header = stackalloc byte[LongestHeader];
            int length = 0;
            while (true)
            {
                int b = stream.ReadByte();
                if (b < 0 || length == header.Length)
                {
                    throw Corrupt(path, "no loose object header");
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
                _ => throw Corrupt(path, $"unknown object type in '{text}'"),
            };
            if (space < 0 || !long.TryParse(text.AsSpan(space + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size))
            {
                throw Corrupt(path, $"malformed loose object header '{text}'");
            }

            if (size > CorruptObjectException.MaxInflatedLength(compressed))
            {
                throw Corrupt(path, $"its header says {size} bytes, more than its {compressed} compressed bytes can hold");
            }

            string where = path;
            return new SizeCheckedStream(stream, size, why => Corrupt(where, why));
        }
        catch (Exception e) when (CorruptObjectException.IsInflateError(e))
        {
            stream.Dispose();
            throw Corrupt(path, "its zlib stream is corrupt: " + e.Message);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The loose object's id is its folder's name and its file's name.</summary>
    private static CorruptObjectException Corrupt(string path, string why)
    {
        string id = Path.GetFileName(Path.GetDirectoryName(path)) + Path.GetFileName(path);
        return new CorruptObjectException($"{path} (object {id}): {why}", id);
    }
}
