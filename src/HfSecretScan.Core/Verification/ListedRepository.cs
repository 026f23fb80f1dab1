using System.Text.Json;

namespace HfSecretScan.Verification;

/// <summary>One item of a Hub listing (<c>/api/models?author=…</c>): only the id is certain.</summary>
/// <param name="Id">The repository id, <c>owner/name</c>.</param>
/// <param name="Private">Whether it is private, when the listing says.</param>
public sealed record ListedRepository(string Id, bool? Private)
{
    /// <summary>The items of one listing page; items without an id are left out.</summary>
    /// <exception cref="JsonException">The page is not a JSON array.</exception>
    public static IReadOnlyList<ListedRepository> ParsePage(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"expected a JSON array, got {document.RootElement.ValueKind}");
        }

        var items = new List<ListedRepository>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                bool? isPrivate = item.TryGetProperty("private", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;
                items.Add(new ListedRepository(id.GetString()!, isPrivate));
            }
        }

        return items;
    }
}
