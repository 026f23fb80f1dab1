using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// A local tool manifest (<c>.config/dotnet-tools.json</c>) with HfSecretScan.Tool in it: created
/// as <c>dotnet new tool-manifest</c> would, or merged into an existing one, whose other tools and
/// settings stay as they were.
/// </summary>
internal static class ToolManifest
{
    /// <summary>The package id, as <c>dotnet tool install</c> writes it (lower case).</summary>
    public const string PackageId = "hfsecretscan.tool";

    /// <summary>The command the package provides.</summary>
    public const string Command = "dotnet-hf-scan";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest's text with the tool at <paramref name="version"/>, or null when <paramref name="existing"/> already has it.</summary>
    /// <param name="existing">The manifest's text; null when there is none yet.</param>
    /// <param name="version">The package version to pin.</param>
    /// <param name="path">The manifest's path, for errors.</param>
    /// <exception cref="InputException">The existing manifest is not a JSON object with a <c>tools</c> object.</exception>
    public static string? WithTool(string? existing, string version, string path)
    {
        JsonObject manifest;
        try
        {
            manifest = existing is null
                ? new JsonObject { ["version"] = 1, ["isRoot"] = true, ["tools"] = new JsonObject() }
                : JsonNode.Parse(existing, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                  ?? throw new InputException($"{path} is not a JSON object; it was left as it is.");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path} is not valid JSON ({e.Message}); it was left as it is.");
        }

        if (manifest["tools"] is not JsonObject tools)
        {
            throw new InputException($"{path} has no \"tools\" object; it was left as it is.");
        }

        // Package ids are case-insensitive; keep the spelling the manifest already uses.
        string key = tools.Select(t => t.Key).FirstOrDefault(k => k.Equals(PackageId, StringComparison.OrdinalIgnoreCase)) ?? PackageId;
        if (tools[key] is JsonObject entry
            && entry["version"]?.GetValueKind() == JsonValueKind.String && entry["version"]!.GetValue<string>() == version
            && entry["commands"] is JsonArray commands && commands.Any(c => c?.GetValueKind() == JsonValueKind.String && c.GetValue<string>() == Command))
        {
            return null;
        }

        var updated = tools[key] as JsonObject ?? new JsonObject();
        updated["version"] = version;
        updated["commands"] = new JsonArray(Command);
        updated["rollForward"] ??= false;
        tools[key] = updated;
        return manifest.ToJsonString(Written).ReplaceLineEndings("\n") + "\n";
    }
}
