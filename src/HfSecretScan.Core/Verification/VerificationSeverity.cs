namespace HfSecretScan.Verification;

/// <summary>How urgent a verified finding is, from cleanup to emergency.</summary>
public enum VerificationSeverity
{
    /// <summary>An invalid token: remove it, nothing to revoke.</summary>
    Note,

    /// <summary>Could not be verified: treat it as live until shown otherwise.</summary>
    Medium,

    /// <summary>A live token that can only read.</summary>
    High,

    /// <summary>A live token that can write, manage or do things its type does not tell.</summary>
    Critical,
}
