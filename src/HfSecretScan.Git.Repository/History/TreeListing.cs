using System.Runtime.InteropServices;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// One tree as a walk holds it while it enters the subtrees: its content copied out of the reader
/// (whose buffers the next read reuses) and its entries parsed once, each with its index in the
/// <see cref="TreeGraph"/>. Reused from tree to tree: nothing is allocated per entry, and a name
/// becomes a string only for a path the walk reports.
/// </summary>
internal sealed class TreeListing
{
    private readonly List<Entry> _entries = [];
    private byte[] _content = new byte[4096];

    /// <summary>The tree listed.</summary>
    public RawId Id { get; private set; }

    /// <summary>Its entries, in tree order; valid until the next load.</summary>
    public ReadOnlySpan<Entry> Entries => CollectionsMarshal.AsSpan(_entries);

    /// <summary>
    /// Reads <paramref name="tree"/>; false when the object database does not hold it. Blobs and
    /// subtrees get their indices in <paramref name="graph"/> as they are met; an entry that
    /// <paramref name="previous"/> (an earlier tree at the same path, or null) holds with the same id
    /// takes its index from there instead of a lookup: most entries of a new version of a folder are
    /// its predecessor's.
    /// </summary>
    /// <exception cref="InvalidDataException">It is corrupt or not a tree.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public bool TryLoad(ObjectReader reader, RawId tree, TreeGraph graph, TreeListing? previous = null)
    {
        _entries.Clear();
        if (reader.TryReadTreeContent(tree) is not { } content)
        {
            return false;
        }

        if (_content.Length < content.Length)
        {
            _content = new byte[Math.Max(content.Length, _content.Length * 2)];
        }

        content.Span.CopyTo(_content);
        var data = _content.AsSpan(0, content.Length);
        var before = previous is null ? default : previous.Entries;
        int at = 0;

        // Entries before a malformed one may get indices in the graph: a mention only, harmless,
        // as nothing is recorded for this tree.
        var parser = new RawTreeParser(tree, data);
        while (parser.MoveNext())
        {
            var kind = parser.Kind;
            var id = parser.Id;
            int index = -1;
            if (kind != TreeEntryKind.GitLink)
            {
                // Both trees are sorted by name: step over what the predecessor held before this name.
                // A reused index is only ever that of the same id, so a step too few costs a lookup, never a wrong index.
                if (at < before.Length && before[at].Id != id)
                {
                    var name = parser.Name;
                    while (at < before.Length && previous!.NameOf(before[at]).SequenceCompareTo(name) < 0)
                    {
                        at++;
                    }
                }

                if (at < before.Length && before[at].Id == id && before[at].Kind == kind)
                {
                    index = before[at++].Index;
                }
                else
                {
                    index = kind == TreeEntryKind.Tree ? graph.TreeIndex(id) : graph.BlobIndex(id);
                }
            }

            _entries.Add(new Entry(kind, parser.NameStart, parser.NameLength, id, index));
        }

        Id = tree;
        return true;
    }

    /// <summary>Bytes its content buffer holds on to (its capacity, not the last tree's length): what keeping it costs.</summary>
    public int BufferBytes => _content.Length;

    /// <summary>The name of <paramref name="entry"/> as stored.</summary>
    public ReadOnlySpan<byte> NameOf(in Entry entry) => _content.AsSpan(entry.NameStart, entry.NameLength);

    /// <summary>The name of <paramref name="entry"/>, UTF-8 decoded (as libgit2 reports it).</summary>
    public string NameStringOf(in Entry entry) => System.Text.Encoding.UTF8.GetString(NameOf(entry));

    /// <summary>One entry: what it points at, where its name is in the content, and its index in the graph (-1 for a submodule).</summary>
    internal readonly record struct Entry(TreeEntryKind Kind, int NameStart, int NameLength, RawId Id, int Index);
}
