using System.Text.Json;

namespace HfSecretScan.Suppression;

/// <summary>
/// The project's settings in <c>.config/hf-scan.json</c> at its root: globs, the baseline, ignore
/// handling. Unknown keys are errors, so a typo never silently disables a setting.
/// </summary>
public sealed record ScanConfig
{
    /// <summary>Where the file lives relative to the project root.</summary>
    public const string RelativePath = ".config/hf-scan.json";

    /// <summary>The settings the file may hold besides <c>$schema</c>, as spelled in it (and in <c>schemas/hf-scan.schema.json</c>).</summary>
    public static IReadOnlyList<string> Settings { get; } = ["include", "exclude", "baseline", "noIgnore", "maxDecodeDepth", "maxArchiveDepth", "archiveLimits"];

    /// <summary>Settings when there is no file.</summary>
    public static ScanConfig Empty { get; } = new();

    /// <summary>Only paths matching one of these globs are scanned (all when empty).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Paths matching one of these globs are not scanned.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Baseline file, relative to the project root.</summary>
    public string? Baseline { get; init; }

    /// <summary>Scan files git ignores too.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>The most encodings decoded in one chain (<c>maxDecodeDepth</c>); null for the default.</summary>
    public int? MaxDecodeDepth { get; init; }

    /// <summary>The most container levels opened (<c>maxArchiveDepth</c>); null for the default.</summary>
    public int? MaxArchiveDepth { get; init; }

    /// <summary>Limits on containers (<c>archiveLimits</c>).</summary>
    public Containers.ContainerLimits ArchiveLimits { get; init; } = Containers.ContainerLimits.Default;

    /// <summary>
    /// Reads <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the problem
    /// when the file is not valid.
    /// </summary>
    public static ScanConfig Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);

        // JsonDocument checks UTF-8 only when a string is read, and then throws InvalidOperationException.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new InvalidDataException("Not UTF-8 text.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Invalid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("Expected a JSON object.");
            }

            var config = new ScanConfig();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                config = property.Name switch
                {
                    "$schema" => config,
                    "include" => config with { Include = ReadStrings(property) },
                    "exclude" => config with { Exclude = ReadStrings(property) },
                    "baseline" => config with { Baseline = ReadString(property) },
                    "noIgnore" => config with { NoIgnore = ReadBool(property) },
                    "maxDecodeDepth" => config with { MaxDecodeDepth = ReadCount(property, int.MaxValue) },
                    "maxArchiveDepth" => config with { MaxArchiveDepth = ReadCount(property, int.MaxValue) },
                    "archiveLimits" => config with { ArchiveLimits = ReadLimits(property) },
                    _ => throw new InvalidDataException($"Unknown setting \"{property.Name}\" (known: {string.Join(", ", Settings)})."),
                };
            }

            return config;
        }
    }

    private static Containers.ContainerLimits ReadLimits(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("\"archiveLimits\" must be an object.");
        }

        var limits = Containers.ContainerLimits.Default;
        foreach (var limit in property.Value.EnumerateObject())
        {
            limits = limit.Name switch
            {
                "maxInflatedBytes" => limits with { MaxInflatedBytes = ReadCount(limit, long.MaxValue) },
                "maxRatio" => limits with { MaxRatio = (int)ReadCount(limit, int.MaxValue) },
                "maxEntries" => limits with { MaxEntries = (int)ReadCount(limit, int.MaxValue) },
                "timeoutSeconds" => limits with { Timeout = TimeSpan.FromSeconds(ReadCount(limit, 86_400)) },
                _ => throw new InvalidDataException($"Unknown archive limit \"{limit.Name}\" (known: maxInflatedBytes, maxRatio, maxEntries, timeoutSeconds)."),
            };
        }

        return limits;
    }

    private static int ReadCount(JsonProperty property, int max) => (int)ReadCount(property, (long)max);

    private static long ReadCount(JsonProperty property, long max)
    {
        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out long value) || value < 0 || value > max)
        {
            throw new InvalidDataException($"\"{property.Name}\" must be a whole number from 0 to {max}.");
        }

        return value;
    }

    private static string[] ReadStrings(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new InvalidDataException($"\"{property.Name}\" must be an array of strings.");
        }

        return [.. property.Value.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static string ReadString(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String
            ? property.Value.GetString()!
            : throw new InvalidDataException($"\"{property.Name}\" must be a string.");

    private static bool ReadBool(JsonProperty property) =>
        property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? property.Value.GetBoolean()
            : throw new InvalidDataException($"\"{property.Name}\" must be true or false.");
}
