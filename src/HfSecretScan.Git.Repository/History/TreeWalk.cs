using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Finds the blobs a tree brings that its parents' trees do not hold at the same path, entering
/// only subtrees that differ (and, for a full-history walk, only subtrees never seen before).
/// Blobs the inventory lists already are not reported again (the first origin wins).
/// </summary>
/// <remarks>
/// This runs for every entry of every distinct tree in history (tens of millions in a library's
/// history), so an entry costs one lookup of its id in the <see cref="TreeGraph"/> and no
/// allocation: names stay bytes in a reused <see cref="TreeListing"/> until a path is reported,
/// and "met before" is a bit per graph index rather than a hash set probed per entry.
/// </remarks>
internal sealed class TreeWalk(ObjectReader reader, HistoryInventory inventory, HashSet<RawId>? seenTrees)
{
    // Listings not in use: the walk holds one per level it is in (and one per parent tree there).
    private readonly Stack<TreeListing> _spare = [];

    // The last tree walked at each folder path, kept (up to a bound) for the next version of that folder.
    private const long MaxKeptBytes = 8L << 20;
    private readonly Dictionary<string, TreeListing> _lastAtPath = new(StringComparer.Ordinal);
    private long _keptBytes;
    private bool[] _blobMet = new bool[1024];
    private bool[] _treeMet = new bool[1024];

    /// <summary>True for a range walk, which compares each commit with its parents instead of remembering trees.</summary>
    public bool ComparesWithParents => seenTrees is null;

    /// <summary>Calls <paramref name="onBlob"/> with each blob new in tree <paramref name="tree"/> and its path.</summary>
    public void Walk(RawId tree, IReadOnlyList<RawId> parents, string context, Action<RawId, string> onBlob)
    {
        if (seenTrees is not null && !seenTrees.Add(tree))
        {
            return;
        }

        Walk(tree, [.. parents], string.Empty, context, onBlob);
    }

    private void Walk(RawId tree, List<RawId> parents, string prefix, string context, Action<RawId, string> onBlob)
    {
        var listing = Rent();
        var parentListings = new List<TreeListing>(parents.Count);
        bool read = false;
        try
        {
            if (!Read(listing, tree, prefix, context, _lastAtPath.GetValueOrDefault(prefix)))
            {
                return;
            }

            read = true;

            foreach (var parent in parents)
            {
                var parentListing = Rent();
                parentListings.Add(parentListing);
                if (!Read(parentListing, parent, prefix, context))
                {
                    parentListings.RemoveAt(parentListings.Count - 1);
                    _spare.Push(parentListing);
                }
            }

            foreach (ref readonly var entry in listing.Entries)
            {
                if (parentListings.Count > 0 && InAnyParent(parentListings, listing, entry))
                {
                    continue;
                }

                switch (entry.Kind)
                {
                    case TreeEntryKind.Blob:
                        if (FirstMeeting(ref _blobMet, entry.Index, inventory.Trees.BlobCount) && !inventory.Contains(entry.Id))
                        {
                            onBlob(entry.Id, prefix + listing.NameStringOf(entry));
                        }

                        break;
                    case TreeEntryKind.Tree:
                        // Whole history enters each tree once; the set is asked only on the first meeting.
                        if (seenTrees is not null && (!FirstMeeting(ref _treeMet, entry.Index, inventory.Trees.TreeCount) || !seenTrees.Add(entry.Id)))
                        {
                            break;
                        }

                        string name = listing.NameStringOf(entry);
                        Walk(entry.Id, SubtreesNamed(parentListings, listing.NameOf(entry)), prefix + name + "/", context, onBlob);
                        break;
                    case TreeEntryKind.GitLink:
                        inventory.Submodules.Add(prefix + listing.NameStringOf(entry));
                        break;
                }
            }
        }
        finally
        {
            if (read)
            {
                Keep(prefix, listing);
            }
            else
            {
                _spare.Push(listing);
            }

            foreach (var parentListing in parentListings)
            {
                _spare.Push(parentListing);
            }
        }
    }

    /// <summary>True the first time <paramref name="index"/> is asked about, and sets its bit.</summary>
    private static bool FirstMeeting(ref bool[] met, int index, int count)
    {
        if (index >= met.Length)
        {
            Array.Resize(ref met, Math.Max(count, met.Length * 2));
        }

        if (met[index])
        {
            return false;
        }

        met[index] = true;
        return true;
    }

    private static bool InAnyParent(List<TreeListing> parents, TreeListing listing, in TreeListing.Entry entry)
    {
        var name = listing.NameOf(entry);
        foreach (var parent in parents)
        {
            foreach (ref readonly var candidate in parent.Entries)
            {
                if (candidate.Id == entry.Id && parent.NameOf(candidate).SequenceEqual(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<RawId> SubtreesNamed(List<TreeListing> parents, ReadOnlySpan<byte> name)
    {
        var subtrees = new List<RawId>(parents.Count);
        foreach (var parent in parents)
        {
            foreach (ref readonly var candidate in parent.Entries)
            {
                if (candidate.Kind == TreeEntryKind.Tree && parent.NameOf(candidate).SequenceEqual(name))
                {
                    subtrees.Add(candidate.Id);
                }
            }
        }

        return subtrees;
    }

    /// <summary>Keeps <paramref name="listing"/> as the last tree at <paramref name="prefix"/>; past the bound, forgets them all.</summary>
    private void Keep(string prefix, TreeListing listing)
    {
        if (_lastAtPath.Remove(prefix, out var replaced))
        {
            _keptBytes -= replaced.BufferBytes;
            _spare.Push(replaced);
        }

        if (_keptBytes + listing.BufferBytes > MaxKeptBytes)
        {
            _lastAtPath.Clear();
            _keptBytes = 0;
        }

        _lastAtPath[prefix] = listing;
        _keptBytes += listing.BufferBytes;
    }

    private TreeListing Rent() => _spare.TryPop(out var listing) ? listing : new TreeListing();

    /// <summary>Loads <paramref name="tree"/> into <paramref name="listing"/> and records it in the graph; a tree that cannot be read is a problem.</summary>
    private bool Read(TreeListing listing, RawId tree, string prefix, string context, TreeListing? previous = null)
    {
        string why;
        try
        {
            if (listing.TryLoad(reader, tree, inventory.Trees, previous))
            {
                inventory.Trees.Record(listing);
                return true;
            }

            why = "not in the object database";
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            why = e.Message;
        }

        inventory.Problems.Add(new ScanProblem(ProblemKind.CorruptObject, tree.Sha, $"Missing or corrupt tree {tree.Sha} at '{prefix}' in {context}; its files were not scanned: {why}"));
        return false;
    }
}
