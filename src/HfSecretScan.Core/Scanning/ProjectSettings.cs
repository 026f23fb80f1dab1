using HfSecretScan.Findings;
using HfSecretScan.Suppression;

namespace HfSecretScan.Scanning;

/// <summary>
/// The project root, its configuration and its baseline, resolved once per run and shared by every
/// command (scan, staged, history). A broken configuration or baseline becomes a problem and the
/// run goes on without it.
/// </summary>
public sealed class ProjectSettings
{
    private ProjectSettings(string root, string configPath, ScanConfig config, string? baselinePath, Baseline? baseline, IReadOnlyList<ScanProblem> problems)
    {
        Root = root;
        ConfigPath = configPath;
        BaselinePath = baselinePath;
        Config = config;
        Baseline = baseline;
        Problems = problems;
    }

    /// <summary>The project root.</summary>
    public string Root { get; }

    /// <summary>Where the configuration is read from (<see cref="ScanConfig.RelativePath"/> under the root), whether or not it exists.</summary>
    public string ConfigPath { get; }

    /// <summary>The baseline file the run reads, when one is configured (it may be missing or broken).</summary>
    public string? BaselinePath { get; }

    /// <summary>The configuration, empty when there is none or it is broken.</summary>
    public ScanConfig Config { get; }

    /// <summary>The baseline, when one is configured and readable.</summary>
    public Baseline? Baseline { get; }

    /// <summary>A broken configuration or baseline.</summary>
    public IReadOnlyList<ScanProblem> Problems { get; }

    /// <summary>Resolves the settings for a run starting at <paramref name="start"/>.</summary>
    /// <param name="start">First scanned path, or the current folder.</param>
    /// <param name="baselineOverride">A <c>--baseline</c> given on the command line, relative to the current folder.</param>
    /// <param name="useBaseline">False for runs that must see every finding (writing a baseline, revoking): no baseline is read, so a broken one is no problem either.</param>
    public static ProjectSettings Load(string start, string? baselineOverride, bool useBaseline = true)
    {
        string root = ProjectRoot.Find(start);
        var problems = new List<ScanProblem>();
        var config = ScanConfig.Empty;
        string configPath = Path.Combine(root, ScanConfig.RelativePath);
        if (File.Exists(configPath))
        {
            try
            {
                config = ScanConfig.Load(configPath);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new ScanProblem(ProblemKind.Configuration, configPath, "Configuration ignored: " + e.Message));
            }
        }

        string? baselinePath = !useBaseline ? null
            : baselineOverride is not null
            ? Path.GetFullPath(baselineOverride)
            : config.Baseline is not null ? Path.GetFullPath(Path.Combine(root, config.Baseline)) : null;
        Baseline? baseline = null;
        if (baselinePath is not null)
        {
            try
            {
                baseline = Baseline.Load(baselinePath);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new ScanProblem(ProblemKind.Baseline, baselinePath, "Baseline ignored: " + e.Message));
            }
        }

        return new ProjectSettings(root, configPath, config, baselinePath, baseline, problems);
    }
}
