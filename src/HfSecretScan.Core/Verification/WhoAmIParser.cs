using System.Text.Json;

namespace HfSecretScan.Verification;

/// <summary>
/// Reads a <c>whoami-v2</c> answer into a live verdict. Tolerates missing or unexpected fields
/// (the answer is not a published contract); rejects what is not a JSON object.
/// </summary>
public static class WhoAmIParser
{
    /// <summary>The live verdict that <paramref name="json"/> describes.</summary>
    /// <exception cref="JsonException">The answer is not a JSON object.</exception>
    public static TokenVerification Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"expected a JSON object, got {root.ValueKind}");
        }

        string? name = String(root, "name");
        string? ownerType = String(root, "type");
        var auth = Object(root, "auth");
        string? authType = auth is { } a ? String(a, "type") : null;
        var accessToken = auth is { } b ? Object(b, "accessToken") : null;
        string? role = accessToken is { } t ? String(t, "role") : null;
        var fineGrained = accessToken is { } f ? Object(f, "fineGrained") : null;
        var scopes = fineGrained is { } s ? Scopes(s) : [];
        var global = fineGrained is { } g ? Strings(g, "global") : [];
        bool canWrite = WriteAccess.CanWrite(role, authType, ownerType, scopes, global);
        return new TokenVerification
        {
            Status = TokenStatus.Live,
            Severity = WriteAccess.SeverityOfLive(canWrite),
            Owner = name is null ? null : new TokenOwner(name, ownerType ?? "user"),
            DisplayName = accessToken is { } d ? String(d, "displayName") : null,
            Role = role,
            AuthType = authType,
            CanWrite = canWrite,
            Scopes = scopes,
            GlobalPermissions = global,
            Orgs = Orgs(root),
        };
    }

    private static List<TokenScope> Scopes(JsonElement fineGrained) =>
        [.. Elements(fineGrained, "scoped").Where(e => e.ValueKind == JsonValueKind.Object).Select(e =>
        {
            var entity = Object(e, "entity");
            return new TokenScope(
                entity is { } t ? String(t, "type") ?? "entity" : "entity",
                entity is { } n ? String(n, "name") ?? "?" : "?",
                Strings(e, "permissions"));
        })];

    private static List<OrgMembership> Orgs(JsonElement root) =>
        [.. Elements(root, "orgs")
            .Where(e => e.ValueKind == JsonValueKind.Object && String(e, "name") is not null)
            .Select(e => new OrgMembership(String(e, "name")!, String(e, "roleInOrg")))];

    private static List<string> Strings(JsonElement element, string property) =>
        [.. Elements(element, property).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];

    private static JsonElement[] Elements(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static JsonElement? Object(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
