using HfSecretScan.Content;

namespace HfSecretScan.Scanning;

/// <summary>What scanning one content found.</summary>
/// <param name="Kind">The encoding the content was read in.</param>
/// <param name="Length">Bytes scanned.</param>
/// <param name="Tokens">Tokens in offset order.</param>
public sealed record ContentScan(ContentKind Kind, long Length, IReadOnlyList<LocatedToken> Tokens);
