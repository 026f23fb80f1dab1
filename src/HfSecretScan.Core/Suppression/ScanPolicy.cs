using HfSecretScan.Scanning;
using HfSecretScan.Sources;

namespace HfSecretScan.Suppression;

/// <summary>
/// The rules one run applies, whatever the entry point: the project root paths are relative to,
/// the configuration's include and exclude globs with those given for this run, whether git's
/// ignore rules apply, and the baseline. Built once per run from <see cref="ProjectSettings"/>.
/// </summary>
public sealed class ScanPolicy
{
    private readonly PathFilter _paths;

    /// <summary>Creates the policy of a run.</summary>
    /// <param name="settings">The project's settings.</param>
    /// <param name="include">Globs given for this run, added to the configuration's.</param>
    /// <param name="exclude">Globs given for this run, added to the configuration's.</param>
    /// <param name="noIgnore">Scan what git ignores (also when the configuration says so).</param>
    /// <param name="maxDecodeDepth">Decoding depth given for this run, overriding the configuration's.</param>
    /// <param name="maxArchiveDepth">Container depth given for this run, overriding the configuration's.</param>
    public ScanPolicy(
        ProjectSettings settings,
        IEnumerable<string>? include = null,
        IEnumerable<string>? exclude = null,
        bool noIgnore = false,
        int? maxDecodeDepth = null,
        int? maxArchiveDepth = null)
    {
        Settings = settings;
        _paths = new PathFilter([.. settings.Config.Include, .. include ?? []], [.. settings.Config.Exclude, .. exclude ?? []]);
        NoIgnore = noIgnore || settings.Config.NoIgnore;
        var config = settings.Config;
        Layers = new LayerOptions
        {
            MaxDecodeDepth = maxDecodeDepth ?? config.MaxDecodeDepth ?? LayerOptions.DefaultMaxDecodeDepth,
            MaxArchiveDepth = maxArchiveDepth ?? config.MaxArchiveDepth ?? LayerOptions.DefaultMaxArchiveDepth,
            Limits = config.ArchiveLimits,
        };
    }

    /// <summary>Which encodings are decoded and containers opened, and their limits.</summary>
    public LayerOptions Layers { get; }

    /// <summary>The project's root, configuration and baseline.</summary>
    public ProjectSettings Settings { get; }

    /// <summary>The folder paths, globs and baselines are relative to.</summary>
    public string Root => Settings.Root;

    /// <summary>Whether git's ignore rules are off for this run.</summary>
    public bool NoIgnore { get; }

    /// <summary>The baseline, when one is configured and readable.</summary>
    public Baseline? Baseline => Settings.Baseline;

    /// <summary>Whether <paramref name="path"/> (relative to <see cref="Root"/>, forward slashes) passes the globs.</summary>
    public bool Admits(string path) => _paths.IsIncluded(path);
}
