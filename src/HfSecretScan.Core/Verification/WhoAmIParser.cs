using System.Text.Json;

namespace HfSecretScan.Verification;

/// <summary>
/// Reads a <c>whoami-v2</c> answer into a live verdict. Tolerates missing or unknown fields (the
/// answer is not a published contract), but not a known field of the wrong type nor an answer
/// without the account's name: a server that answers <c>200 {"auth": 5}</c> has not said who the
/// token is, so it cannot make the token live.
/// </summary>
public static class WhoAmIParser
{
    /// <summary>The live verdict that <paramref name="json"/> describes.</summary>
    /// <exception cref="JsonException">The answer is not a JSON object, has no account name, or a known field has the wrong type; the message says which.</exception>
    public static TokenVerification Parse(string json)
    {
        using var document = ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"the answer is {Article(root.ValueKind)}, not an object");
        }

        string name = String(root, "name") ?? throw new JsonException("the answer names no account (no \"name\" string)");
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
            Owner = new TokenOwner(name, ownerType ?? "user"),
            DisplayName = accessToken is { } d ? String(d, "displayName") : null,
            Role = role,
            AuthType = authType,
            CanWrite = canWrite,
            Scopes = scopes,
            GlobalPermissions = global,
            Orgs = Orgs(root),
        };
    }

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new JsonException("the answer is not JSON", e);
        }
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
        Field(element, property, JsonValueKind.Array) is { } value ? [.. value.EnumerateArray()] : [];

    private static JsonElement? Object(JsonElement element, string property) => Field(element, property, JsonValueKind.Object);

    private static string? String(JsonElement element, string property) => Field(element, property, JsonValueKind.String)?.GetString();

    /// <summary>The field when it is there with the <paramref name="kind"/> expected; null when absent or null.</summary>
    /// <exception cref="JsonException">It is there with another type.</exception>
    private static JsonElement? Field(JsonElement element, string property, JsonValueKind kind)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind
            ? value
            : throw new JsonException($"\"{property}\" is {Article(value.ValueKind)}, not {Article(kind)}");
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
