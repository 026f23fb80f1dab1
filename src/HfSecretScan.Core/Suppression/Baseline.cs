using System.Text.Json;
using System.Text.Json.Serialization;
using HfSecretScan.Findings;

namespace HfSecretScan.Suppression;

/// <summary>
/// Findings accepted as known (revoked test tokens, say): stored by fingerprint, rule and path,
/// never the secret. A finding is new unless the baseline holds its fingerprint at its path, so
/// the same token leaking into another file is reported again.
/// </summary>
public sealed class Baseline
{
    private readonly HashSet<(string Fingerprint, string Path)> _entries;

    private Baseline(IReadOnlyList<BaselineEntry> entries)
    {
        Entries = entries;
        _entries = [.. entries.Select(e => (e.Fingerprint, e.Path))];
    }

    /// <summary>The accepted findings.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>A baseline holding <paramref name="findings"/>.</summary>
    public static Baseline FromFindings(IEnumerable<Finding> findings) =>
        new([.. findings
            .Select(f => new BaselineEntry(f.Secret.Fingerprint, f.Rule.Id, PathOf(f), f.Secret.Redacted))
            .Distinct()
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)]);

    /// <summary>Whether <paramref name="finding"/> is accepted.</summary>
    public bool Contains(Finding finding) => Contains(finding.Secret.Fingerprint, PathOf(finding));

    /// <summary>The path a baseline names a finding by: in a Hub audit, with its repository (<c>spaces/acme/demo:app.py</c>), so that one repository's accepted token is not another's.</summary>
    public static string PathOf(Finding finding) => finding.Repository is { } repository ? $"{repository}:{finding.Path}" : finding.Path;

    /// <summary>Whether the token with <paramref name="fingerprint"/> is accepted at <paramref name="path"/> (as reports name it).</summary>
    public bool Contains(string fingerprint, string path) => _entries.Contains((fingerprint, path));

    /// <summary>The findings the baseline does not hold, and how many it held.</summary>
    public IReadOnlyList<Finding> Filter(IEnumerable<Finding> findings, out int suppressed)
    {
        var kept = new List<Finding>();
        suppressed = 0;
        foreach (var finding in findings)
        {
            if (Contains(finding))
            {
                suppressed++;
            }
            else
            {
                kept.Add(finding);
            }
        }

        return kept;
    }

    /// <summary>Reads a baseline file; a clear <see cref="InvalidDataException"/> when it is not one.</summary>
    public static Baseline Load(string path)
    {
        BaselineDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize(stream, BaselineJsonContext.Default.BaselineDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a valid baseline: {e.Message}", e);
        }

        if (document?.Findings is null)
        {
            throw new InvalidDataException("Not a valid baseline: no \"findings\" array.");
        }

        foreach (var entry in document.Findings)
        {
            if (entry.Fingerprint is not { Length: 64 } || !entry.Fingerprint.All(char.IsAsciiHexDigitLower) || entry.Path is null)
            {
                throw new InvalidDataException("Not a valid baseline: every finding needs a 64-character lower-case hex \"fingerprint\" and a \"path\".");
            }
        }

        return new Baseline(document.Findings);
    }

    /// <summary>Writes the baseline as indented JSON.</summary>
    public void Save(Stream stream) =>
        JsonSerializer.Serialize(stream, new BaselineDocument { Version = 1, Findings = [.. Entries] }, BaselineJsonContext.Default.BaselineDocument);
}

/// <summary>One accepted finding.</summary>
/// <param name="Fingerprint">SHA-256 of the token, lower-case hex.</param>
/// <param name="Rule">The rule id.</param>
/// <param name="Path">Where it was found, as reports name it.</param>
/// <param name="Redacted">The redacted token, for people reading the file.</param>
public sealed record BaselineEntry(
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("redacted")] string? Redacted);

internal sealed class BaselineDocument
{
    [JsonPropertyName("version")]
    public int Version { get; set; }

    [JsonPropertyName("findings")]
    public List<BaselineEntry>? Findings { get; set; }
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BaselineDocument))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
