using HfSecretScan.Verification;

namespace HfSecretScan.Findings;

/// <summary>What to do about a leaked token, in the order it should be done.</summary>
public static class Remediation
{
    /// <summary>Where Hugging Face tokens are managed.</summary>
    public const string TokensPage = "https://huggingface.co/settings/tokens";

    /// <summary>Steps for a token found in files.</summary>
    public const string ForFiles =
        "Revoke this token now at " + TokensPage + " (or `hf-scan revoke`): anyone who saw the file can use it. " +
        "Create a fine-grained token scoped to this project's repositories instead, and load it at run time " +
        "from the HF_TOKEN environment variable or a secret store, never from a committed file.";

    /// <summary>Extra steps when the token is in git history.</summary>
    public const string ForHistory =
        "Deleting the line does not remove the token from history: revoke it first, then rewrite history with " +
        "`git filter-repo --replace-text`, expire reflogs and run `git gc --prune=now`, force-push every branch and tag, " +
        "and ask the host to drop cached views and pull-request refs.";

    /// <summary>The remediation text for <paramref name="finding"/>, led by what its verification says.</summary>
    public static string For(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string files = finding.Verification is { } verification
            ? verification.Status == TokenStatus.Invalid ? ForToken(verification) : ForToken(verification) + " " + ForFiles
            : ForFiles;
        return finding.Commit is null ? files : files + " " + ForHistory;
    }

    /// <summary>What a verified token's status and type call for.</summary>
    public static string ForToken(TokenVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        const string OnePerProject = "One token per project, so that the next leak can be revoked without breaking anything else.";
        string owner = verification.Owner is { } o ? $" of {o.Type} {o.Name}" : string.Empty;
        string advice = Advice(verification, owner, OnePerProject);
        return Reporting.VerificationText.WorstReach(verification) is { } worst && verification.Status == TokenStatus.Live
            ? $"{char.ToUpperInvariant(worst[0])}{worst[1..]}: revoke now. {advice}"
            : advice;
    }

    private static string Advice(TokenVerification verification, string owner, string onePerProject) =>
        verification.Status switch
        {
            TokenStatus.Invalid => "Hugging Face rejects this token (revoked or never valid): nothing is left to revoke, but remove it from the code as cleanup.",
            TokenStatus.Unknown => $"It could not be verified ({verification.Reason}): treat it as live.",
            _ when verification.IsOrgApiToken =>
                $"This live {verification.Kind}{owner} (deprecated) reads the organization's private repositories: revoke it and replace it with a fine-grained token limited to this project's repositories. {onePerProject}",
            _ when verification.CanWrite =>
                $"Emergency: this live {verification.Kind}{owner} can write. Replace it with a fine-grained token limited to this project's repositories and the actions it needs. {onePerProject}",
            _ when verification.Role == WriteAccess.FineGrainedRole =>
                $"This live {verification.Kind}{owner} can only read: revoke it and create a new one with the same scopes, kept out of files. {onePerProject}",
            _ =>
                $"This live {verification.Kind}{owner} reads everything its owner can see, private and gated repositories included: replace it with a fine-grained token limited to this project's repositories. {onePerProject}",
        };
}
