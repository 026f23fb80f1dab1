using HfSecretScan.Content;

namespace HfSecretScan.Scanning;

/// <summary>What scanning one content found.</summary>
/// <param name="Kind">The encoding the content was read in.</param>
/// <param name="Length">Bytes scanned.</param>
/// <param name="Tokens">Tokens in the content (in offset order), then those inside its containers.</param>
public sealed record ContentScan(ContentKind Kind, long Length, IReadOnlyList<LocatedToken> Tokens)
{
    /// <summary>What could not be read inside the content's containers (corrupt, encrypted, over a limit).</summary>
    public IReadOnlyList<Containers.ContainerProblem> Problems { get; init; } = [];

    /// <summary>The tokens to report: those whose line carries no <c>hf-scan:allow</c> comment.</summary>
    public IEnumerable<LocatedToken> Reported => Tokens.Where(t => !t.Allowed);

    /// <summary>How many tokens an <c>hf-scan:allow</c> comment suppressed.</summary>
    public int AllowedCount => Tokens.Count(t => t.Allowed);
}
