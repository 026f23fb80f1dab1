using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Hub;

/// <summary>
/// The auditor's own token, found as the official clients find it: <c>HF_TOKEN</c>, else the
/// token file (<c>HF_TOKEN_PATH</c>, else <c>$HF_HOME/token</c>, <c>HF_HOME</c> defaulting to
/// <c>$XDG_CACHE_HOME/huggingface</c>, else <c>~/.cache/huggingface</c>). Held as a
/// <see cref="Secret"/>, so it prints redacted wherever it ends up.
/// </summary>
public static class HubToken
{
    /// <summary>The token, or null when none is configured (only public repositories are audited then).</summary>
    /// <param name="environment">Reads an environment variable (the process's, or a test's).</param>
    /// <exception cref="IOException">The token file exists but cannot be read.</exception>
    public static Secret? Find(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Clean(environment("HF_TOKEN")) is { } fromVariable)
        {
            return Make(fromVariable);
        }

        string? file = NonEmpty(environment("HF_TOKEN_PATH")) ?? Path.Combine(Home(environment), "token");
        return File.Exists(file) && Clean(File.ReadAllText(file)) is { } fromFile ? Make(fromFile) : null;
    }

    private static string Home(Func<string, string?> environment)
    {
        if (NonEmpty(environment("HF_HOME")) is { } home)
        {
            return home;
        }

        string cache = NonEmpty(environment("XDG_CACHE_HOME")) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "huggingface");
    }

    // As huggingface_hub cleans it: line breaks removed, whitespace stripped, empty means none.
    private static string? Clean(string? value) => NonEmpty(value?.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Trim());

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Secret Make(string value) =>
        new(value.StartsWith(TokenRules.OrgToken.Prefix, StringComparison.Ordinal) ? TokenRules.OrgToken : TokenRules.UserToken, value);
}
