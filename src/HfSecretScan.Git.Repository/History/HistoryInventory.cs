using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>Everything a history scan must read, each object once, with where it came from.</summary>
public sealed class HistoryInventory
{
    private readonly Dictionary<RawId, BlobOrigin> _blobs = [];
    private readonly List<BlobOrigin> _blobOrder = [];

    /// <summary>Blobs in the order they were first seen (oldest commit first).</summary>
    public IReadOnlyList<BlobOrigin> Blobs => _blobOrder;

    /// <summary>Commit and tag messages.</summary>
    public List<MessageSource> Messages { get; } = [];

    /// <summary>The reachable commits, parents before children, with their trees and parents.</summary>
    internal CommitLineage ReachableCommits { get; } = new();

    /// <summary>
    /// The commit each ref points to (through annotated tags), by the ref's full name; <c>HEAD</c> too
    /// when it is detached. Empty for a range scan, which does not read the refs.
    /// </summary>
    internal List<(string Name, RawId Commit)> RefTips { get; } = [];

    /// <summary>The refs that point to each annotated tag, directly or through other tags.</summary>
    internal Dictionary<ObjectId, List<string>> TagRefs { get; } = [];

    /// <summary>True when <see cref="RefTips"/> lists every ref (a whole-history scan).</summary>
    internal bool KnowsRefs { get; set; }

    /// <summary>The commit HEAD points to; null when HEAD is unborn.</summary>
    internal RawId? Head { get; set; }

    /// <summary>The trees the walk read, for counting the commits that hold a blob without reading them again.</summary>
    internal TreeGraph Trees { get; } = new();

    /// <summary>Objects that could not be read, a shallow history, an unreadable pack index.</summary>
    public List<ScanProblem> Problems { get; } = [];

    /// <summary>Submodule paths met in trees (gitlinks); each is a repository of its own.</summary>
    public SortedSet<string> Submodules { get; } = new(StringComparer.Ordinal);

    /// <summary>Where <paramref name="blobId"/> was first seen, or null when it is not listed.</summary>
    public BlobOrigin? OriginOf(ObjectId blobId) => _blobs.GetValueOrDefault(RawId.From(blobId));

    /// <summary>Lists a blob unless it is listed already; the first origin wins.</summary>
    public void Add(BlobOrigin origin)
    {
        if (_blobs.TryAdd(RawId.From(origin.BlobId), origin))
        {
            _blobOrder.Add(origin);
        }
    }

    /// <summary>Whether <paramref name="blobId"/> is already listed.</summary>
    internal bool Contains(RawId blobId) => _blobs.ContainsKey(blobId);
}
