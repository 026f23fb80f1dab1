using System.Globalization;
using System.Text.Json;

namespace HfSecretScan.Hub;

/// <summary>
/// Reads the Hub's discussion answers: a listing page (<c>{"discussions": […], "count", "start"}</c>)
/// and one discussion's details, whose texts are the title, every comment's raw text (hidden and
/// edited ones included, with their edit history where the answer carries it), old titles and
/// commit subjects. A pull request's diff is left out: its ref, <c>refs/pr/N</c>, is fetched and
/// scanned as git history, with commits to point at.
/// </summary>
public static class DiscussionParser
{
    /// <summary>The discussion numbers of a listing page, and whether more pages follow.</summary>
    /// <exception cref="JsonException">Not a listing page.</exception>
    public static (IReadOnlyList<int> Numbers, bool More) ParsePage(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("discussions", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("expected an object with a \"discussions\" array");
        }

        var numbers = items.EnumerateArray()
            .Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("num", out var n) && n.ValueKind == JsonValueKind.Number)
            .Select(i => i.GetProperty("num").TryGetInt32(out int number) ? number : throw new JsonException("a discussion number is not a 32-bit integer"))
            .ToList();
        int count = Int(root, "count") ?? 0;
        int start = Int(root, "start") ?? 0;
        return (numbers, items.GetArrayLength() > 0 && start + items.GetArrayLength() < count);
    }

    /// <summary>Every text of one discussion's details.</summary>
    /// <exception cref="JsonException">Not a discussion.</exception>
    public static IReadOnlyList<DiscussionText> ParseDetails(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("expected a JSON object");
        }

        var texts = new List<DiscussionText>();
        if (String(root, "title") is { } title)
        {
            texts.Add(new DiscussionText("title", title, AuthorOf(root)));
        }

        int comment = 0;
        int eventNumber = 0;
        foreach (var item in Array(root, "events"))
        {
            eventNumber++;
            var data = item.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            if (data.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            switch (String(item, "type"))
            {
                case "comment":
                    comment++;
                    AddComment(texts, comment, item, data);
                    break;
                case "title-change":
                    string change = string.Join('\n', new[] { String(data, "from"), String(data, "to") }.Where(t => t is not null));
                    texts.Add(new DiscussionText(Label("title change", eventNumber), change, AuthorOf(item)));
                    break;
                case "commit" when String(data, "subject") is { } subject:
                    texts.Add(new DiscussionText(Label("commit event", eventNumber), subject, AuthorOf(item)));
                    break;
            }
        }

        return texts;
    }

    private static void AddComment(List<DiscussionText> texts, int comment, JsonElement item, JsonElement data)
    {
        string label = Label("comment", comment);
        var latest = data.TryGetProperty("latest", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        if (latest.ValueKind == JsonValueKind.Object && String(latest, "raw") is { } raw)
        {
            texts.Add(new DiscussionText(label, raw, AuthorOf(latest) ?? AuthorOf(item)));
        }

        int edit = 0;
        foreach (var version in Array(data, "history"))
        {
            edit++;
            if (String(version, "raw") is { } earlier && earlier != (latest.ValueKind == JsonValueKind.Object ? String(latest, "raw") : null))
            {
                texts.Add(new DiscussionText(string.Create(CultureInfo.InvariantCulture, $"{label}, edit {edit}"), earlier, AuthorOf(version) ?? AuthorOf(item)));
            }
        }
    }

    private static string Label(string what, int number) => string.Create(CultureInfo.InvariantCulture, $"{what} {number}");

    private static string? AuthorOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? String(author, "name") : null;

    private static JsonElement[] Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)]
            : [];

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : null;
}
