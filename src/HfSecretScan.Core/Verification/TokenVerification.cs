namespace HfSecretScan.Verification;

/// <summary>
/// Hugging Face's verdict on one token and, for a live token, what it opens. Never holds the token.
/// </summary>
public sealed record TokenVerification
{
    /// <summary>Live, invalid or unknown.</summary>
    public required TokenStatus Status { get; init; }

    /// <summary>How urgent the finding is, following the status and what the token can do.</summary>
    public required VerificationSeverity Severity { get; init; }

    /// <summary>Why the status is unknown; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>Whom a live token acts as.</summary>
    public TokenOwner? Owner { get; init; }

    /// <summary>The name its owner gave the token.</summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// The token's role as Hugging Face names it (<c>read</c>, <c>write</c>, <c>fineGrained</c>,
    /// <c>admin</c>, <c>contributor</c>, …); null when the answer has no access-token object
    /// (organization API tokens, OAuth tokens).
    /// </summary>
    public string? Role { get; init; }

    /// <summary>How the token authenticated (<c>auth.type</c>: <c>access_token</c>, <c>app_token</c>, …).</summary>
    public string? AuthType { get; init; }

    /// <summary>True unless the token is known to be read-only.</summary>
    public bool CanWrite { get; init; }

    /// <summary>A fine-grained token's permissions per entity.</summary>
    public IReadOnlyList<TokenScope> Scopes { get; init; } = [];

    /// <summary>A fine-grained token's permissions that apply everywhere.</summary>
    public IReadOnlyList<string> GlobalPermissions { get; init; } = [];

    /// <summary>The owner's organizations, with the owner's role in each.</summary>
    public IReadOnlyList<OrgMembership> Orgs { get; init; } = [];

    /// <summary>What a live token reaches in its owner's account and each organization's (see <see cref="ReachSurvey"/>).</summary>
    public IReadOnlyList<OwnerReach> Reach { get; init; } = [];

    /// <summary>True for an organization API token: an answer without an access-token object from an organization.</summary>
    public bool IsOrgApiToken => Status == TokenStatus.Live && Role is null && AuthType is not null && Owner?.Type == "org";

    /// <summary>What kind of token a live verdict describes, e.g. <c>write token</c>, <c>fine-grained token</c>.</summary>
    public string Kind => Role switch
    {
        WriteAccess.FineGrainedRole => "fine-grained token",
        { } role => role + " token",
        null when IsOrgApiToken => "organization API token",
        null => "token of a type Hugging Face does not report",
    };

    /// <summary>The verdict for a token Hugging Face rejects.</summary>
    public static TokenVerification Invalid { get; } = new() { Status = TokenStatus.Invalid, Severity = VerificationSeverity.Note };

    /// <summary>The verdict when no answer could be had, and why.</summary>
    public static TokenVerification Unknown(string reason) =>
        new() { Status = TokenStatus.Unknown, Severity = VerificationSeverity.Medium, Reason = reason };
}
