using HfSecretScan.Findings;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>
/// Orders the commits reachable from some tips parents first (a depth-first post-order), looking
/// each one up itself so that a missing or corrupt commit becomes a problem instead of ending the walk.
/// </summary>
internal static class CommitGraph
{
    /// <summary>
    /// Commits reachable from <paramref name="tips"/> and not in <paramref name="known"/>, parents
    /// before children; each one returned is added to <paramref name="known"/>.
    /// </summary>
    public static List<Commit> ParentsFirst(Repository repository, IEnumerable<ObjectId> tips, HashSet<ObjectId> known, List<ScanProblem> problems)
    {
        var ordered = new List<Commit>();
        var entered = new HashSet<ObjectId>();
        var stack = new Stack<(Commit Commit, bool ParentsDone)>();
        foreach (var tip in tips)
        {
            if (known.Contains(tip) || !entered.Add(tip) || Lookup(repository, tip, "a ref or reflog", problems) is not { } start)
            {
                continue;
            }

            stack.Push((start, false));
            while (stack.Count > 0)
            {
                var (commit, parentsDone) = stack.Pop();
                if (parentsDone)
                {
                    known.Add(commit.Id);
                    ordered.Add(commit);
                    continue;
                }

                stack.Push((commit, true));
                foreach (var parentId in ParentIds(commit, problems).Reverse())
                {
                    if (!known.Contains(parentId) && entered.Add(parentId) && Lookup(repository, parentId, "the parent of " + commit.Sha, problems) is { } parent)
                    {
                        stack.Push((parent, false));
                    }
                }
            }
        }

        return ordered;
    }

    private static ObjectId[] ParentIds(Commit commit, List<ScanProblem> problems)
    {
        try
        {
            return [.. commit.Parents.Select(p => p.Id)];
        }
        catch (LibGit2SharpException e)
        {
            problems.Add(new ScanProblem(commit.Sha, $"Cannot read the parents of commit {commit.Sha}; history behind it was not scanned: {e.Message}"));
            return [];
        }
    }

    private static Commit? Lookup(Repository repository, ObjectId id, string whose, List<ScanProblem> problems)
    {
        try
        {
            if (repository.Lookup(id) is { } found)
            {
                return found as Commit;
            }

            problems.Add(new ScanProblem(id.Sha, $"Missing commit {id.Sha} ({whose}); history behind it was not scanned."));
        }
        catch (LibGit2SharpException e)
        {
            problems.Add(new ScanProblem(id.Sha, $"Corrupt commit {id.Sha} ({whose}); history behind it was not scanned: {e.Message}"));
        }

        return null;
    }
}
