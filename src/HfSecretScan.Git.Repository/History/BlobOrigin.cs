using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>Where a blob was first seen: the commit that introduced it and its path there.</summary>
/// <param name="BlobId">The blob.</param>
/// <param name="Path">Its path in <paramref name="CommitId"/>'s tree (or in a loose tree); its id when no tree names it.</param>
/// <param name="CommitId">The first commit (oldest in topological order) whose tree holds it; null when no commit does.</param>
/// <param name="Unreachable">True when no ref or reflog reaches the blob.</param>
public sealed record BlobOrigin(ObjectId BlobId, string Path, ObjectId? CommitId, bool Unreachable);
