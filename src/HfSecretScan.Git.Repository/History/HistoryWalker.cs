using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Lists what a history scan reads. Whole history: every blob reachable from any ref or reflog,
/// attributed to the first commit (parents first) that holds it, then every object no ref
/// reaches (dangling commits, trees, blobs and tags), plus all commit and tag messages.
/// Range: only what the commits in the range introduce compared with their parents.
/// </summary>
public static class HistoryWalker
{
    // Trees and commits are small; this holds the bases of their delta chains.
    private const long WalkCacheBytes = 32L << 20;

    /// <summary>Lists everything in <paramref name="repository"/>, whose objects <paramref name="store"/> reads directly.</summary>
    internal static HistoryInventory WholeHistory(Repository repository, ObjectStore store)
    {
        var inventory = new HistoryInventory();
        NoteShallow(repository, inventory);
        var seenTrees = new HashSet<RawId>();
        var seenTags = new HashSet<ObjectId>();
        var reader = new ObjectReader(store, WalkCacheBytes);
        var graph = new CommitGraph(reader, CommitGraph.ShallowCommits(repository.Info.Path));
        var walk = new TreeWalk(reader, inventory, seenTrees);
        var knownCommits = new HashSet<RawId>();

        var tips = Tips(repository, inventory, seenTags);
        inventory.KnowsRefs = true;
        foreach (var commit in graph.ParentsFirst(tips.Select(RawId.From), knownCommits, inventory.Problems))
        {
            inventory.ReachableCommits.Add(commit);
            AddCommit(commit, walk, reader, graph, inventory, unreachable: false);
        }

        AddUnreachable(repository, store, inventory, walk, reader, graph, knownCommits, seenTrees, seenTags);
        return inventory;
    }

    /// <summary>Lists what the commits reachable from <paramref name="include"/> and not from <paramref name="exclude"/> introduce.</summary>
    internal static HistoryInventory Range(Repository repository, ObjectStore store, IReadOnlyList<ObjectId> include, IReadOnlyList<ObjectId> exclude)
    {
        var inventory = new HistoryInventory { Head = HeadOf(repository) };
        NoteShallow(repository, inventory);
        var reader = new ObjectReader(store, WalkCacheBytes);
        var graph = new CommitGraph(reader, CommitGraph.ShallowCommits(repository.Info.Path));
        var walk = new TreeWalk(reader, inventory, seenTrees: null);
        var excluded = new HashSet<RawId>();
        graph.ParentsFirst(exclude.Select(RawId.From), excluded, inventory.Problems);
        foreach (var commit in graph.ParentsFirst(include.Select(RawId.From), excluded, inventory.Problems))
        {
            inventory.ReachableCommits.Add(commit);
            AddCommit(commit, walk, reader, graph, inventory, unreachable: false);
        }

        return inventory;
    }

    private static RawId? HeadOf(Repository repository) => HeadTip(repository) is { } tip ? RawId.From(tip.Id) : null;

    /// <summary>HEAD's commit; null when HEAD is unborn or cannot be read (a damaged <c>packed-refs</c> holds its branch: reported by <see cref="ReadableRefs"/>).</summary>
    private static Commit? HeadTip(Repository repository)
    {
        try
        {
            return repository.Head.Tip;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every ref, by name. libgit2 refuses them all when one line of <c>packed-refs</c> is junk:
    /// that is a problem naming the file, and the walk goes on without refs, so every object is
    /// still read (as unreachable, with the paths its commits give it).
    /// </summary>
    private static List<Reference> ReadableRefs(Repository repository, HistoryInventory inventory)
    {
        try
        {
            return [.. repository.Refs.OrderBy(r => r.CanonicalName, StringComparer.Ordinal)];
        }
        catch (LibGit2SharpException e)
        {
            string packedRefs = Path.Combine(ObjectDirectories.CommonDirectory(repository.Info.Path), "packed-refs");
            inventory.Problems.Add(new ScanProblem(
                ProblemKind.CorruptObject,
                File.Exists(packedRefs) ? packedRefs : repository.Info.Path,
                $"Cannot read the refs ({e.Message}); every object was still scanned, those no readable ref or reflog reaches as unreachable."));
            return [];
        }
    }

    private static void NoteShallow(Repository repository, HistoryInventory inventory)
    {
        if (repository.Info.IsShallow)
        {
            inventory.Problems.Add(new ScanProblem(
                ProblemKind.MissingObject,
                Path.Combine(ObjectDirectories.CommonDirectory(repository.Info.Path), "shallow"),
                "Shallow clone: history before the shallow boundary is not in this repository and was not scanned. Run `git fetch --unshallow` to scan all of it."));
        }
    }

    private static void AddCommit(RawCommit commit, TreeWalk walk, ObjectReader reader, CommitGraph graph, HistoryInventory inventory, bool unreachable)
    {
        inventory.Messages.Add(new MessageSource(commit.Id.ToObjectId(), MessageSource.CommitMessageLabel, commit.Id.ToObjectId(), commit.Message, unreachable));
        var parentTrees = new List<RawId>();
        foreach (var parent in walk.ComparesWithParents ? graph.ParentsOf(commit) : [])
        {
            try
            {
                parentTrees.Add((reader.TryReadCommit(parent) ?? throw new InvalidDataException($"its parent {parent.Sha} is missing")).TreeId);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                inventory.Problems.Add(new ScanProblem(ProblemKind.CorruptObject, commit.Id.Sha, $"Cannot read the tree of commit {commit.Id.Sha}: {e.Message}"));
                return;
            }
        }

        var commitId = commit.Id.ToObjectId();
        walk.Walk(commit.TreeId, parentTrees, "commit " + commit.Id.Sha, (id, path) => inventory.Add(new BlobOrigin(id.ToObjectId(), path, commitId, unreachable)));
    }

    /// <summary>Every ref's target and every reflog entry; annotated tags on the way are listed as messages.</summary>
    private static List<ObjectId> Tips(Repository repository, HistoryInventory inventory, HashSet<ObjectId> seenTags)
    {
        var tips = new List<ObjectId>();
        var logged = new List<string> { "HEAD" };
        foreach (var reference in ReadableRefs(repository, inventory))
        {
            logged.Add(reference.CanonicalName);
            if (reference.ResolveToDirectReference() is not { } direct)
            {
                continue;
            }

            var target = direct.TargetIdentifier is { } sha ? new ObjectId(sha) : null;
            if (target is not null && Peel(repository, target, reference.CanonicalName, inventory, seenTags, unreachable: false, refName: reference.CanonicalName) is { } commit)
            {
                tips.Add(commit);
                inventory.RefTips.Add((reference.CanonicalName, RawId.From(commit)));
            }
        }

        inventory.Head = HeadOf(repository);
        if (HeadTip(repository) is { } head)
        {
            tips.Add(head.Id);
            if (repository.Info.IsHeadDetached)
            {
                inventory.RefTips.Add(("HEAD", RawId.From(head.Id)));
            }
        }

        foreach (string name in logged)
        {
            try
            {
                foreach (var entry in repository.Refs.Log(name))
                {
                    tips.Add(entry.To);
                    if (entry.From != ObjectId.Zero)
                    {
                        tips.Add(entry.From);
                    }
                }
            }
            catch (LibGit2SharpException e)
            {
                inventory.Problems.Add(new ScanProblem(ProblemKind.Unreadable, name, $"Cannot read the reflog of {name}: {e.Message}"));
            }
        }

        return tips;
    }

    /// <summary>
    /// Follows annotated tags to what they tag; returns the commit at the end, if any. Each tag on the
    /// way is noted as reached by <paramref name="refName"/> when a ref starts the chain.
    /// </summary>
    private static ObjectId? Peel(Repository repository, ObjectId id, string name, HistoryInventory inventory, HashSet<ObjectId> seenTags, bool unreachable, string? refName = null)
    {
        try
        {
            var target = repository.Lookup(id);
            while (target is TagAnnotation tag)
            {
                if (seenTags.Add(tag.Id))
                {
                    var tagged = tag.Target as Commit;
                    inventory.Messages.Add(new MessageSource(tag.Id, MessageSource.TagLabel(tag.Name), tagged?.Id, tag.Message, unreachable));
                }

                if (refName is not null)
                {
                    if (!inventory.TagRefs.TryGetValue(tag.Id, out var names))
                    {
                        inventory.TagRefs[tag.Id] = names = [];
                    }

                    names.Add(refName);
                }

                target = tag.Target;
            }

            return (target as Commit)?.Id;
        }
        catch (LibGit2SharpException e)
        {
            inventory.Problems.Add(new ScanProblem(ProblemKind.CorruptObject, id.Sha, $"Cannot read {id.Sha}, the target of {name}: {e.Message}"));
            return null;
        }
    }

    /// <summary>Objects in the object folders that no ref or reflog reaches, walked like history and flagged unreachable.</summary>
    private static void AddUnreachable(
        Repository repository, ObjectStore store, HistoryInventory inventory, TreeWalk walk, ObjectReader reader, CommitGraph graph, HashSet<RawId> knownCommits, HashSet<RawId> seenTrees, HashSet<ObjectId> seenTags)
    {
        var all = store.AllIds();
        var commits = new List<RawId>();
        var trees = new List<RawId>();
        var blobs = new List<RawId>();
        var known = new Dictionary<(int Pack, long Offset), RawObjectType>();
        foreach (var id in all.Order())
        {
            if (knownCommits.Contains(id) || seenTrees.Contains(id) || seenTags.Contains(id.ToObjectId()) || inventory.Contains(id))
            {
                continue;
            }

            RawObjectType type;
            try
            {
                // AllIds listed it from a pack index or a loose file name, so Locate finds it.
                type = reader.TypeOf(store.Locate(id)!.Value, known);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                inventory.Problems.Add(new ScanProblem(ProblemKind.CorruptObject, id.Sha, $"Corrupt object {id.Sha}, not scanned: {e.Message}"));
                continue;
            }

            switch (type)
            {
                case RawObjectType.Commit:
                    commits.Add(id);
                    break;
                case RawObjectType.Tree:
                    trees.Add(id);
                    break;
                case RawObjectType.Blob:
                    blobs.Add(id);
                    break;
                case RawObjectType.Tag:
                    Peel(repository, id.ToObjectId(), "an unreachable tag", inventory, seenTags, unreachable: true);
                    break;
            }
        }

        foreach (var commit in graph.ParentsFirst(commits, knownCommits, inventory.Problems))
        {
            AddCommit(commit, walk, reader, graph, inventory, unreachable: true);
        }

        foreach (var treeId in trees.Where(t => !seenTrees.Contains(t)))
        {
            walk.Walk(treeId, [], "unreachable tree " + treeId.Sha, (id, path) => inventory.Add(new BlobOrigin(id.ToObjectId(), path, null, true)));
        }

        foreach (var blobId in blobs)
        {
            inventory.Add(new BlobOrigin(blobId.ToObjectId(), blobId.Sha, null, true));
        }
    }
}
