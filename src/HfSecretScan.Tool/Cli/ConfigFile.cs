using System.Text.Json;
using HfSecretScan.Pipeline;
using HfSecretScan.Suppression;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// The project's <c>.config/hf-scan.json</c> as <c>init</c> leaves it: with a <c>$schema</c> that
/// points to the schema beside it, so that editors complete and check its keys.
/// </summary>
internal static class ConfigFile
{
    /// <summary>The schema's file name, beside the configuration.</summary>
    public const string SchemaFileName = "hf-scan.schema.json";

    /// <summary>The reference written into the configuration: relative to the configuration's own folder.</summary>
    public const string SchemaReference = "./" + SchemaFileName;

    /// <summary>The configuration's text with a <c>$schema</c>, or null when <paramref name="existing"/> has one (whatever it points to: that was someone's choice).</summary>
    /// <param name="existing">The configuration's text; null when there is none yet.</param>
    /// <param name="path">The configuration's path, for errors.</param>
    /// <exception cref="InputException">The existing configuration is not valid: it is left for its owner to fix.</exception>
    public static string? WithSchema(string? existing, string path)
    {
        if (existing is null)
        {
            return $$"""
                {
                  "$schema": "{{SchemaReference}}"
                }

                """.ReplaceLineEndings("\n");
        }

        bool empty;
        try
        {
            ScanConfig.Load(path);
            using var document = JsonDocument.Parse(existing, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("$schema", out _))
            {
                return null;
            }

            empty = !document.RootElement.EnumerateObject().Any();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException)
        {
            throw new InputException($"{path} cannot be used ({e.Message}); it was left as it is.");
        }

        // Inserted as the first key rather than re-serialized: the owner's layout and comments stay.
        int brace = existing.IndexOf('{', StringComparison.Ordinal);
        string newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return existing[..(brace + 1)] + $"{newline}  \"$schema\": \"{SchemaReference}\"{(empty ? string.Empty : ",")}" + existing[(brace + 1)..];
    }

    /// <summary>The schema this tool was built with (the repository's <c>schemas/hf-scan.schema.json</c>).</summary>
    public static byte[] Schema()
    {
        using var resource = typeof(ConfigFile).Assembly.GetManifestResourceStream(SchemaFileName)
            ?? throw new InvalidOperationException($"The tool was built without its {SchemaFileName} resource.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }
}
