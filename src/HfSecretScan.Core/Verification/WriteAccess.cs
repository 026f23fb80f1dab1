namespace HfSecretScan.Verification;

/// <summary>
/// Decides whether a live token can change anything. A token counts as read-only only when its
/// answer says so; anything Hugging Face does not describe is treated as able to write.
/// </summary>
public static class WriteAccess
{
    /// <summary>Roles that can only read.</summary>
    public const string ReadRole = "read";

    /// <summary>The role of fine-grained tokens, whose permissions decide.</summary>
    public const string FineGrainedRole = "fineGrained";

    /// <summary>Whether a permission name grants writing or managing, e.g. <c>repo.write</c>, <c>org.manage</c>.</summary>
    public static bool IsWritePermission(string permission) =>
        permission.Contains("write", StringComparison.OrdinalIgnoreCase) || permission.Contains("manage", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a live token described by these facts can write.</summary>
    /// <param name="role">The access token's role; null when the answer has no access-token object.</param>
    /// <param name="authType">The answer's <c>auth.type</c>.</param>
    /// <param name="ownerType">The owner's type (<c>user</c>, <c>org</c>, <c>app</c>).</param>
    /// <param name="scopes">A fine-grained token's scoped permissions.</param>
    /// <param name="global">A fine-grained token's global permissions.</param>
    public static bool CanWrite(string? role, string? authType, string? ownerType, IEnumerable<TokenScope> scopes, IEnumerable<string> global)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(global);
        return role switch
        {
            ReadRole => false,
            FineGrainedRole => scopes.SelectMany(s => s.Permissions).Concat(global).Any(IsWritePermission),

            // Organization API tokens have no access-token object and authenticate read calls only.
            null => !(authType is not null && ownerType == "org"),
            _ => true,
        };
    }

    /// <summary>The severity of a live token: critical when it can write, high when it can only read.</summary>
    public static VerificationSeverity SeverityOfLive(bool canWrite) =>
        canWrite ? VerificationSeverity.Critical : VerificationSeverity.High;
}
