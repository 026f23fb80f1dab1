using LibGit2Sharp;

namespace HfSecretScan.Git.Objects;

/// <summary>An object's type and its whole inflated content (without git's <c>type size\0</c> header).</summary>
/// <param name="Type">Commit, tree, blob or tag.</param>
/// <param name="Data">The content.</param>
internal readonly record struct RawObject(ObjectType Type, byte[] Data);
