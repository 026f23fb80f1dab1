namespace HfSecretScan.Verification;

/// <summary>What a live token reaches in one owner's account (its own user, or an organization it acts for).</summary>
public sealed record OwnerReach
{
    /// <summary>The user or organization.</summary>
    public required string Owner { get; init; }

    /// <summary>The token owner's role there: <c>owner</c> for its own account, else the role in the organization.</summary>
    public string? Role { get; init; }

    /// <summary>Repositories the token sees, per kind.</summary>
    public IReadOnlyDictionary<HubRepositoryKind, RepositoryCount> Visible { get; init; } = new Dictionary<HubRepositoryKind, RepositoryCount>();

    /// <summary>Of those, the ones the token can write according to its role and fine-grained scopes.</summary>
    public RepositoryCount Writable { get; init; }

    /// <summary>False when a listing had more pages than the survey reads, or failed: the counts are a lower bound.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Why a listing failed; null when all answered.</summary>
    public string? Error { get; init; }
}

/// <summary>Public and private repositories.</summary>
/// <param name="Public">Public ones.</param>
/// <param name="Private">Private ones.</param>
public readonly record struct RepositoryCount(int Public, int Private)
{
    /// <summary>Both.</summary>
    public int Total => Public + Private;

    /// <summary>The sum of two counts.</summary>
    public static RepositoryCount operator +(RepositoryCount a, RepositoryCount b) => new(a.Public + b.Public, a.Private + b.Private);

    /// <summary>The sum of two counts.</summary>
    public static RepositoryCount Add(RepositoryCount a, RepositoryCount b) => a + b;
}
