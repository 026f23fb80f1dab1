namespace HfSecretScan.Detection;

/// <summary>The rules HfSecretScan knows.</summary>
public static class TokenRules
{
    /// <summary><c>hf_</c> followed by 34 characters of <c>[A-Za-z0-9]</c>: read, write and fine-grained user tokens.</summary>
    public static TokenRule UserToken { get; } = new(
        "hf-user-token",
        "HFS001",
        "hf_",
        34,
        "Hugging Face user access token",
        "A Hugging Face user access token (read, write or fine-grained). Whoever holds it acts as its owner on the Hub: models, datasets, Spaces, inference endpoints and billing.");

    /// <summary><c>api_org_</c> followed by 34 characters of <c>[A-Za-z0-9]</c>: deprecated organization API tokens.</summary>
    public static TokenRule OrgToken { get; } = new(
        "hf-org-token",
        "HFS002",
        "api_org_",
        34,
        "Hugging Face organization API token",
        "A deprecated Hugging Face organization API token. It still authenticates read calls for the organization's private repositories.");

    /// <summary>All rules, in a fixed order.</summary>
    public static IReadOnlyList<TokenRule> All { get; } = [UserToken, OrgToken];

    /// <summary>Longest token length in characters over all rules.</summary>
    public static int MaxLength { get; } = All.Max(r => r.Length);

    /// <summary>Finds a rule by its id, or returns null.</summary>
    public static TokenRule? FindById(string id) => All.FirstOrDefault(r => r.Id == id);
}
