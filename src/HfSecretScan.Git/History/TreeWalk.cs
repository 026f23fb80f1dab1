using HfSecretScan.Findings;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>
/// Finds the blobs a tree brings that its parents' trees do not hold at the same path, entering
/// only subtrees that differ (and, for a full-history walk, only subtrees never seen before).
/// </summary>
internal sealed class TreeWalk(HistoryInventory inventory, HashSet<ObjectId>? seenTrees)
{
    /// <summary>True for a range walk, which compares each commit with its parents instead of remembering trees.</summary>
    public bool ComparesWithParents => seenTrees is null;

    /// <summary>Calls <paramref name="onBlob"/> with each blob new in <paramref name="tree"/> and its path.</summary>
    public void Walk(Tree tree, IReadOnlyList<Tree> parents, string context, Action<ObjectId, string> onBlob)
    {
        if (seenTrees is not null && !seenTrees.Add(tree.Id))
        {
            return;
        }

        Walk(tree, parents, string.Empty, context, onBlob);
    }

    private void Walk(Tree tree, IReadOnlyList<Tree> parents, string prefix, string context, Action<ObjectId, string> onBlob)
    {
        TreeEntry[] entries;
        try
        {
            entries = [.. tree];
        }
        catch (LibGit2SharpException e)
        {
            inventory.Problems.Add(new ScanProblem(tree.Id.Sha, $"Missing or corrupt tree {tree.Id.Sha} at '{prefix}' in {context}; its files were not scanned: {e.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            var id = entry.Target.Id;
            if (parents.Count > 0 && parents.Any(p => p[entry.Name] is { } same && same.Target.Id == id))
            {
                continue;
            }

            string path = prefix + entry.Name;
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Blob:
                    onBlob(id, path);
                    break;
                case TreeEntryTargetType.Tree:
                    if (seenTrees is not null && !seenTrees.Add(id))
                    {
                        break;
                    }

                    var subParents = parents.Count == 0
                        ? []
                        : parents.Select(p => p[entry.Name]?.Target as Tree).OfType<Tree>().ToArray();
                    Walk((Tree)entry.Target, subParents, path + "/", context, onBlob);
                    break;
                case TreeEntryTargetType.GitLink:
                    inventory.Submodules.Add(path);
                    break;
            }
        }
    }
}
