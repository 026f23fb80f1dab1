using HfSecretScan.Findings;
using HfSecretScan.Git.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

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
    public void Walk(ObjectId tree, IReadOnlyList<ObjectId> parents, string context, Action<RawId, string> onBlob)
    {
        var root = RawId.From(tree);
        if (seenTrees is not null && !seenTrees.Add(root))
        {
            return;
        }

        Walk(root, [.. parents.Select(RawId.From)], string.Empty, context, onBlob);
    }

    private void Walk(RawId tree, IReadOnlyList<RawId> parents, string prefix, string context, Action<RawId, string> onBlob)
    {
        if (Read(tree, prefix, context) is not { } entries)
        {
            return;
        }

        var parentEntries = parents.Select(p => Read(p, prefix, context)).OfType<List<RawTreeEntry>>().ToArray();
        foreach (var entry in entries)
        {
            if (parentEntries.Any(p => p.Exists(e => e.Name == entry.Name && e.Id == entry.Id)))
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

                    var subParents = parentEntries.SelectMany(p => p.Where(e => e.Name == entry.Name && e.Kind == TreeEntryKind.Tree)).Select(e => e.Id).ToArray();
                    Walk(entry.Id, subParents, prefix + entry.Name + "/", context, onBlob);
                    break;
                case TreeEntryKind.GitLink:
                    inventory.Submodules.Add(prefix + entry.Name);
                    break;
            }
        }
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

        inventory.Problems.Add(new ScanProblem(tree.Sha, $"Missing or corrupt tree {tree.Sha} at '{prefix}' in {context}; its files were not scanned: {why}"));
        return null;
    }
}
