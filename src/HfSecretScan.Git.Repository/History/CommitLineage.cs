using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// The reachable commits in the order the walk met them (parents before children), each with its
/// root tree and the positions of its parents: enough to count the commits that carry a blob and to
/// tell which refs reach it without reading a commit again. A few dozen bytes per commit.
/// </summary>
internal sealed class CommitLineage
{
    private readonly Dictionary<RawId, int> _positions = [];
    private readonly List<RawId> _ids = [];
    private readonly List<RawId> _trees = [];
    private readonly List<int[]> _parents = [];

    /// <summary>How many commits are listed.</summary>
    public int Count => _trees.Count;

    /// <summary>The commit at <paramref name="position"/>.</summary>
    public RawId IdAt(int position) => _ids[position];

    /// <summary>The root tree of the commit at <paramref name="position"/>.</summary>
    public RawId TreeAt(int position) => _trees[position];

    /// <summary>
    /// The positions of the parents of the commit at <paramref name="position"/>; a parent the walk did
    /// not list (beyond a shallow boundary, missing) is left out.
    /// </summary>
    public int[] ParentsAt(int position) => _parents[position];

    /// <summary>Where <paramref name="commit"/> is listed, or null when the walk did not reach it.</summary>
    public int? PositionOf(RawId commit) => _positions.TryGetValue(commit, out int position) ? position : null;

    /// <summary>Lists <paramref name="commit"/>, whose listed parents come before it (the walk's order).</summary>
    public void Add(RawCommit commit)
    {
        if (_positions.ContainsKey(commit.Id))
        {
            return;
        }

        var parents = new List<int>(commit.Parents.Count);
        foreach (var parent in commit.Parents)
        {
            if (_positions.TryGetValue(parent, out int position))
            {
                parents.Add(position);
            }
        }

        _positions.Add(commit.Id, _trees.Count);
        _ids.Add(commit.Id);
        _trees.Add(commit.TreeId);
        _parents.Add([.. parents]);
    }
}
