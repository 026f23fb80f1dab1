using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Finds the blobs a tree brings that its parents' trees do not hold at the same path, entering
/// only subtrees that differ (and, for a full-history walk, only subtrees never seen before).
/// Blobs the inventory lists already are not reported again (the first origin wins).
/// </summary>
internal sealed class TreeWalk(ObjectReader reader, HistoryInventory inventory, HashSet<RawId>? seenTrees)
{
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
        if (Read(tree, prefix, context) is not { } entries)
        {
            return;
        }

        var parentEntries = new List<List<RawTreeEntry>>(parents.Count);
        foreach (var parent in parents)
        {
            if (Read(parent, prefix, context) is { } read)
            {
                parentEntries.Add(read);
            }
        }

        // Plain loops: this runs for every entry of every tree in history, and a lambda capturing
        // the entry would allocate a closure per entry.
        foreach (var entry in entries)
        {
            if (InAnyParent(parentEntries, entry))
            {
                continue;
            }

            switch (entry.Kind)
            {
                case TreeEntryKind.Blob:
                    if (!inventory.Contains(entry.Id))
                    {
                        onBlob(entry.Id, prefix + entry.Name);
                    }

                    break;
                case TreeEntryKind.Tree:
                    if (seenTrees is not null && !seenTrees.Add(entry.Id))
                    {
                        break;
                    }

                    Walk(entry.Id, SubtreesNamed(parentEntries, entry.Name), prefix + entry.Name + "/", context, onBlob);
                    break;
                case TreeEntryKind.GitLink:
                    inventory.Submodules.Add(prefix + entry.Name);
                    break;
            }
        }
    }

    private static bool InAnyParent(List<List<RawTreeEntry>> parentEntries, RawTreeEntry entry)
    {
        foreach (var parent in parentEntries)
        {
            foreach (var candidate in parent)
            {
                if (candidate.Id == entry.Id && candidate.Name == entry.Name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<RawId> SubtreesNamed(List<List<RawTreeEntry>> parentEntries, string name)
    {
        var subtrees = new List<RawId>(parentEntries.Count);
        foreach (var parent in parentEntries)
        {
            foreach (var candidate in parent)
            {
                if (candidate.Kind == TreeEntryKind.Tree && candidate.Name == name)
                {
                    subtrees.Add(candidate.Id);
                }
            }
        }

        return subtrees;
    }

    private List<RawTreeEntry>? Read(RawId tree, string prefix, string context)
    {
        string why;
        try
        {
            if (reader.TryReadTree(tree) is { } entries)
            {
                inventory.Trees.Record(tree, entries);
                return entries;
            }

            why = "not in the object database";
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            why = e.Message;
        }

        inventory.Problems.Add(new ScanProblem(ProblemKind.CorruptObject, tree.Sha, $"Missing or corrupt tree {tree.Sha} at '{prefix}' in {context}; its files were not scanned: {why}"));
        return null;
    }
}
