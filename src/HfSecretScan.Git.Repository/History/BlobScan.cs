using System.Collections.Concurrent;
using HfSecretScan.Scanning;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>What the blob workers found, before anything is attributed to a commit or path.</summary>
internal sealed class BlobScan
{
    /// <summary>Tokens to report, by the blob holding them.</summary>
    public ConcurrentBag<(ObjectId BlobId, LocatedToken Token)> Hits { get; } = [];

    /// <summary>Blobs that could not be read, and why.</summary>
    public ConcurrentBag<(ObjectId BlobId, string Error)> Corrupt { get; } = [];

    /// <summary>What could not be read inside blobs that are archives or compressed files.</summary>
    public ConcurrentBag<(ObjectId BlobId, Containers.ContainerProblem Problem)> Containers { get; } = [];

    /// <summary>git LFS pointers whose object is not on disk: listed as skipped, never fetched.</summary>
    public ConcurrentBag<(ObjectId BlobId, LfsPointer Pointer)> NotFetched { get; } = [];
}
