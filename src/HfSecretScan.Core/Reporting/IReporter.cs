using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>Writes a scan report in one format.</summary>
public interface IReporter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    void Write(ScanReport report, ReportContext context, TextWriter writer);
}

/// <summary>What a report needs besides the findings.</summary>
/// <param name="ProjectRoot">Folder that finding paths are relative to; null when they are not (standard input).</param>
/// <param name="ToolVersion">Version of hf-scan writing the report.</param>
/// <param name="UseColor">Whether ANSI colours may be used (a terminal, and NO_COLOR unset).</param>
public sealed record ReportContext(string? ProjectRoot, string ToolVersion, bool UseColor = false)
{
    /// <summary>
    /// Top of the git working tree that holds <see cref="ProjectRoot"/>, which CI hosts resolve
    /// annotation paths against; null outside a working tree (standard input, a bare repository).
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>When the scan ended (the Unix epoch when the host does not say); with the report's elapsed time it gives when it started.</summary>
    public DateTimeOffset FinishedAt { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>GitHub's step summary file (<c>GITHUB_STEP_SUMMARY</c>), which the github format appends to; null when not on GitHub.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary>The scanned repository's remote URL (as git has it; reports drop any credentials in it), for links to the host; null when there is none.</summary>
    public string? Remote { get; init; }
}

/// <summary>The report formats, by name.</summary>
public static class Reporters
{
    /// <summary>Format names accepted by <c>--format</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "sarif", "github", "gitlab", "azure", "junit", HtmlReporter.FormatName];

    /// <summary>The reporter for <paramref name="format"/>.</summary>
    public static IReporter ForFormat(string format) => format switch
    {
        "text" => new TextReporter(),
        "json" => new JsonReporter(),
        "sarif" => new SarifReporter(),
        "github" => new GitHubReporter(),
        "gitlab" => new GitLabReporter(),
        "azure" => new AzurePipelinesReporter(),
        "junit" => new JUnitReporter(),
        HtmlReporter.FormatName => new HtmlReporter(),
        _ => throw new ArgumentException($"Unknown format '{format}'; expected one of: {string.Join(", ", Names)}.", nameof(format)),
    };
}
