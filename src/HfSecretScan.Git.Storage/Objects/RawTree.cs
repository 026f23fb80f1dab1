using System.Text;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>What a tree entry points at, from its mode.</summary>
internal enum TreeEntryKind
{
    /// <summary>A file or symbolic link.</summary>
    Blob,

    /// <summary>A folder.</summary>
    Tree,

    /// <summary>A submodule's commit (mode 160000).</summary>
    GitLink,
}

/// <summary>One entry of a raw tree: <c>MODE NAME\0</c> and a 20-byte id.</summary>
/// <param name="Kind">What the entry points at.</param>
/// <param name="Name">Its name (UTF-8 decoded, as libgit2 reports it).</param>
/// <param name="Id">The object it points at.</param>
/// <param name="Mode">Its mode as an index records it: a file's is normalized to 100644 or 100755 (octal), as git and libgit2 read old trees' 100664.</param>
internal readonly record struct RawTreeEntry(TreeEntryKind Kind, string Name, RawId Id, int Mode)
{
    private const int IdLength = 20;

    /// <summary>Parses a tree object's content.</summary>
    /// <exception cref="InvalidDataException">An entry is malformed.</exception>
    public static List<RawTreeEntry> Parse(RawId treeId, ReadOnlySpan<byte> data)
    {
        var entries = new List<RawTreeEntry>();
        int at = 0;
        while (at < data.Length)
        {
            int space = data[at..].IndexOf((byte)' ');
            space = space < 0 ? -1 : at + space;
            int nul = space < 0 ? -1 : data[space..].IndexOf((byte)0);
            nul = nul < 0 ? -1 : space + nul;
            if (nul < 0 || nul + 1 + IdLength > data.Length)
            {
                throw new InvalidDataException($"tree {treeId.Sha} has a malformed entry at byte {at}");
            }

            int mode = 0;
            foreach (byte digit in data[at..space])
            {
                mode = digit is >= (byte)'0' and <= (byte)'7' && mode < 0x100000
                    ? (mode << 3) | (digit - '0')
                    : throw new InvalidDataException($"tree {treeId.Sha} has a malformed mode at byte {at}");
            }

            var kind = (mode & 0xF000) switch
            {
                0x4000 => TreeEntryKind.Tree,
                0xE000 => TreeEntryKind.GitLink,
                _ => TreeEntryKind.Blob,
            };
            if ((mode & 0xF000) == 0x8000)
            {
                mode = (mode & 0x49) != 0 ? 0x81ED : 0x81A4;
            }

            entries.Add(new RawTreeEntry(kind, Encoding.UTF8.GetString(data[(space + 1)..nul]), new RawId(data.Slice(nul + 1, IdLength)), mode));
            at = nul + 1 + IdLength;
        }

        return entries;
    }
}
