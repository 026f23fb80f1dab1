using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Orders the commits reachable from some tips parents first (a depth-first post-order), reading
/// each one itself so that a missing or corrupt commit becomes a problem instead of ending the walk.
/// The parents of a shallow clone's boundary commits are not in the repository and are not followed.
/// </summary>
internal sealed class CommitGraph(ObjectReader reader, IReadOnlySet<RawId> shallow)
{
    /// <summary>The boundary commits of a shallow clone (its <c>shallow</c> file), empty for a full clone.</summary>
    public static HashSet<RawId> ShallowCommits(string gitDirectory)
    {
        string file = Path.Combine(ObjectDirectories.CommonDirectory(gitDirectory), "shallow");
        return File.Exists(file)
            ? [.. File.ReadAllLines(file).Where(l => l.Length == 40 && l.All(char.IsAsciiHexDigit)).Select(l => RawId.Parse(l))]
            : [];
    }

    /// <summary>
    /// Commits reachable from <paramref name="tips"/> and not in <paramref name="known"/>, parents
    /// before children; each one returned is added to <paramref name="known"/>.
    /// </summary>
    public List<RawCommit> ParentsFirst(IEnumerable<RawId> tips, HashSet<RawId> known, List<ScanProblem> problems)
    {
        var ordered = new List<RawCommit>();
        var entered = new HashSet<RawId>();
        var stack = new Stack<(RawCommit Commit, bool ParentsDone)>();
        foreach (var tip in tips)
        {
            if (known.Contains(tip) || !entered.Add(tip) || Read(tip, "a ref or reflog", problems) is not { } start)
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
                for (int i = commit.Parents.Count - 1; i >= 0 && !shallow.Contains(commit.Id); i--)
                {
                    var parentId = commit.Parents[i];
                    if (!known.Contains(parentId) && entered.Add(parentId) && Read(parentId, "the parent of " + commit.Id.Sha, problems) is { } parent)
                    {
                        stack.Push((parent, false));
                    }
                }
            }
        }

        return ordered;
    }

    /// <summary>The parents a walk follows: none for a shallow boundary commit.</summary>
    public IReadOnlyList<RawId> ParentsOf(RawCommit commit) => shallow.Contains(commit.Id) ? [] : commit.Parents;

    private RawCommit? Read(RawId id, string whose, List<ScanProblem> problems)
    {
        try
        {
            if (reader.TryReadCommit(id) is { } found)
            {
                return found;
            }

            problems.Add(new ScanProblem(ProblemKind.MissingObject, id.Sha, $"Missing commit {id.Sha} ({whose}); history behind it was not scanned."));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            problems.Add(new ScanProblem(ProblemKind.CorruptObject, id.Sha, $"Corrupt commit {id.Sha} ({whose}); history behind it was not scanned: {e.Message}"));
        }

        return null;
    }
}
