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

    /// <summary>The remediation text for <paramref name="finding"/>.</summary>
    public static string For(Finding finding) =>
        finding.Commit is null ? ForFiles : ForFiles + " " + ForHistory;
}
