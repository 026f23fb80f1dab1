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
    /// <summary>Parses a tree object's content.</summary>
    /// <exception cref="InvalidDataException">An entry is malformed.</exception>
    public static List<RawTreeEntry> Parse(RawId treeId, ReadOnlySpan<byte> data)
    {
        var entries = new List<RawTreeEntry>();
        var parser = new RawTreeParser(treeId, data);
        while (parser.MoveNext())
        {
            entries.Add(new RawTreeEntry(parser.Kind, Encoding.UTF8.GetString(parser.Name), parser.Id, parser.Mode));
        }

        return entries;
    }
}

/// <summary>
/// Reads a tree object's entries one at a time, in place: a name is a slice of the content, so
/// nothing is allocated per entry (a history walk meets tens of millions of them).
/// </summary>
/// <param name="treeId">The tree, for the message of a malformed entry.</param>
/// <param name="data">Its content.</param>
internal ref struct RawTreeParser(RawId treeId, ReadOnlySpan<byte> data)
{
    private const int IdLength = 20;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _next;

    /// <summary>What the current entry points at.</summary>
    public TreeEntryKind Kind { get; private set; }

    /// <summary>The current entry's mode, a file's normalized as in <see cref="RawTreeEntry.Mode"/>.</summary>
    public int Mode { get; private set; }

    /// <summary>Where the current entry's name starts in the content.</summary>
    public int NameStart { get; private set; }

    /// <summary>The current entry's name's length in bytes.</summary>
    public int NameLength { get; private set; }

    /// <summary>The current entry's name, as stored (UTF-8 by convention, not checked).</summary>
    public readonly ReadOnlySpan<byte> Name => _data.Slice(NameStart, NameLength);

    /// <summary>The object the current entry points at.</summary>
    public RawId Id { get; private set; }

    /// <summary>Moves to the next entry; false after the last.</summary>
    /// <exception cref="InvalidDataException">The entry is malformed.</exception>
    public bool MoveNext()
    {
        int at = _next;
        if (at >= _data.Length)
        {
            return false;
        }

        // The mode is at most six octal digits: read it in place rather than searching for the space.
        int mode = 0;
        int space = at;
        for (; space < _data.Length && _data[space] != (byte)' '; space++)
        {
            byte digit = _data[space];
            mode = digit is >= (byte)'0' and <= (byte)'7' && mode < 0x100000
                ? (mode << 3) | (digit - '0')
                : throw new InvalidDataException($"tree {treeId.Sha} has a malformed mode at byte {at}");
        }

        int nul = space < _data.Length ? _data[space..].IndexOf((byte)0) : -1;
        nul = nul < 0 ? -1 : space + nul;
        if (nul < 0 || nul + 1 + IdLength > _data.Length)
        {
            throw new InvalidDataException($"tree {treeId.Sha} has a malformed entry at byte {at}");
        }

        Kind = (mode & 0xF000) switch
        {
            0x4000 => TreeEntryKind.Tree,
            0xE000 => TreeEntryKind.GitLink,
            _ => TreeEntryKind.Blob,
        };
        Mode = (mode & 0xF000) == 0x8000 ? ((mode & 0x49) != 0 ? 0x81ED : 0x81A4) : mode;
        NameStart = space + 1;
        NameLength = nul - space - 1;
        Id = new RawId(_data.Slice(nul + 1, IdLength));
        _next = nul + 1 + IdLength;
        return true;
    }
}
