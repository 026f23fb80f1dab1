using HfSecretScan.Findings;
using HfSecretScan.MSBuild.Caching;
using HfSecretScan.MSBuild.Diagnostics;
using HfSecretScan.MSBuild.Selection;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;
using HfSecretScan.Suppression;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace HfSecretScan.MSBuild;

/// <summary>
/// Scans a project's files for Hugging Face tokens before it compiles: each finding becomes an
/// error (or a warning) at its file, line and column. Files unchanged since the last build are not
/// read again; their findings come from a cache in the intermediate output folder.
/// </summary>
public sealed class ScanProjectFiles : Microsoft.Build.Utilities.Task
{
    static ScanProjectFiles() => TaskDependencies.ResolveFromParentFolder(typeof(ScanProjectFiles).Assembly);

    // The assemblies' build ids: a cache written by other code is not trusted.
    private static readonly string EngineId =
        typeof(ScanProjectFiles).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "-" +
        typeof(FileSetScanner).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The files to scan: the project's items and the project file.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The project's folder; relative item paths and <see cref="Exclude"/> globs start here.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Folders never scanned: the output and intermediate output folders.</summary>
    public string[] ExcludedFolders { get; set; } = [];

    /// <summary>Globs, relative to the project folder, of files not to scan.</summary>
    public string[] Exclude { get; set; } = [];

    /// <summary>A baseline file; by default the one the repository's <c>.config/hf-scan.json</c> names.</summary>
    public string? Baseline { get; set; }

    /// <summary><c>error</c> (default) or <c>warning</c>.</summary>
    public string? Severity { get; set; }

    /// <summary>The project's <c>NoWarn</c>: a finding code listed there is not reported.</summary>
    public string? NoWarn { get; set; }

    /// <summary>The per-file cache; no cache when empty.</summary>
    public string? CacheFile { get; set; }

    /// <summary><c>HfSecretScanMaxDecodeDepth</c>: encodings decoded in a chain (0 turns decoding off); the configuration's or 2 when empty.</summary>
    public string? MaxDecodeDepth { get; set; }

    /// <summary><c>HfSecretScanMaxArchiveDepth</c>: archive levels opened (0 turns it off); the configuration's or 5 when empty.</summary>
    public string? MaxArchiveDepth { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            Scan();
        }
        catch (Exception e)
        {
            // A scanner bug must not pass silently, nor block every build of the project: it warns with the reason.
            Log.LogWarning(null, DiagnosticCodes.Incomplete, null, null, 0, 0, 0, 0, "The Hugging Face token scan failed and the project was not scanned: {0}: {1}", e.GetType().Name, Secret.RedactAll(e.Message));
        }

        return !Log.HasLoggedErrors;
    }

    private void Scan()
    {
        bool asErrors = ParseSeverity();
        int? maxDecodeDepth = ParseDepth(MaxDecodeDepth, "HfSecretScanMaxDecodeDepth");
        int? maxArchiveDepth = ParseDepth(MaxArchiveDepth, "HfSecretScanMaxArchiveDepth");
        bool cached = !string.IsNullOrEmpty(CacheFile);
        string root = ProjectRoot.Find(ProjectDirectory);
        var parameters = Parameters(root);
        if (cached && ScanCache.ConfirmClean(CacheFile!, EngineId, parameters) is int unchanged)
        {
            Log.LogMessage(
                MessageImportance.Normal,
                "HfSecretScan: {0} files, 0 read, {0} from cache; 0 findings reported, 0 in the baseline, 0 silenced by NoWarn; nothing changed since the last clean scan.",
                unchanged);
            return;
        }

        var configStamp = WatchedFile.Of(Path.Combine(root, ScanConfig.RelativePath));
        var source = new ProjectFilesSource(
            Files.Select(f => f.ItemSpec),
            policy => new ProjectFileSelection(ProjectDirectory, policy, ExcludedFolders, [.. Exclude.Where(e => !string.IsNullOrWhiteSpace(e))]),
            policy => cached ? ScanCache.Load(CacheFile!, EngineId + "-" + LayersKey(policy.Layers)) : ScanCache.Empty());

        // The same pipeline as every command; the build differs only in answering unchanged files from its cache.
        var request = new ScanRequest
        {
            Start = ProjectDirectory,
            Sources = [source],
            Baseline = string.IsNullOrWhiteSpace(Baseline) ? null : Baseline,
            MaxDecodeDepth = maxDecodeDepth,
            MaxArchiveDepth = maxArchiveDepth,
        };
        var pipeline = ScanPipeline.Open(request);
        var report = pipeline.RunAsync().GetAwaiter().GetResult();
        var result = source.Result!;

        var logger = new FindingLogger(Log, asErrors, SplitCodes(NoWarn));
        foreach (var problem in report.Problems)
        {
            logger.LogProblem(problem);
        }

        foreach (var finding in report.Findings)
        {
            logger.Log(source.FullPathOf(finding), finding);
        }

        foreach (var skipped in report.Skipped)
        {
            Log.LogMessage(MessageImportance.Low, "HfSecretScan skipped {0}: {1}", Reporting.DisplayText.Quote(skipped.Path), Reporting.DisplayText.Quote(skipped.Reason));
        }

        bool clean = report.Findings.Count == 0 && report.Problems.Count == 0 && report.Skipped.Count == 0 && report.SuppressedByBaseline == 0
            && result.Cache.Count == source.Files.Count && pipeline.Policy.Root == root;
        if (cached && (result.Changed || clean))
        {
            // The configuration is stamped before it is read, so that an edit during the scan is seen next build;
            // the baseline's path is known only from the configuration.
            var settings = pipeline.Policy.Settings;
            CleanBuild? record = clean && settings.ConfigPath == configStamp.Path
                ? new CleanBuild(parameters, settings.BaselinePath is { } baseline ? [configStamp, WatchedFile.Of(baseline)] : [configStamp], source.Files.Count)
                : null;
            try
            {
                result.Cache.Save(CacheFile!, EngineId + "-" + LayersKey(pipeline.Policy.Layers), record);
            }
            catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
            {
                Log.LogMessage(MessageImportance.Normal, "HfSecretScan could not write its cache {0} and will read every file again next build: {1}", CacheFile, e.Message);
            }
        }

        Log.LogMessage(
            MessageImportance.Normal,
            "HfSecretScan: {0} files, {1} read, {2} from cache; {3} findings reported, {4} in the baseline, {5} silenced by NoWarn.",
            source.Files.Count,
            result.FilesRead,
            source.Files.Count - result.FilesRead,
            report.Findings.Count - logger.Silenced,
            report.SuppressedByBaseline,
            logger.Silenced);
    }

    /// <summary>Everything the task was given that the scan's outcome depends on, one escaped line each (<see cref="CleanBuild"/>).</summary>
    private List<string> Parameters(string root)
    {
        var lines = new List<string>(Files.Length + ExcludedFolders.Length + Exclude.Length + 8)
        {
            "project\t" + CleanBuild.Escape(ProjectDirectory),
            "root\t" + CleanBuild.Escape(root),
            "baseline\t" + CleanBuild.Escape(Baseline ?? string.Empty),
            "severity\t" + CleanBuild.Escape(Severity ?? string.Empty),
            "nowarn\t" + CleanBuild.Escape(NoWarn ?? string.Empty),
            "decode\t" + CleanBuild.Escape(MaxDecodeDepth ?? string.Empty),
            "archive\t" + CleanBuild.Escape(MaxArchiveDepth ?? string.Empty),
        };
        foreach (var file in Files)
        {
            lines.Add("item\t" + CleanBuild.Escape(file.ItemSpec));
        }

        foreach (string folder in ExcludedFolders)
        {
            lines.Add("excluded\t" + CleanBuild.Escape(folder));
        }

        foreach (string glob in Exclude)
        {
            lines.Add("exclude\t" + CleanBuild.Escape(glob));
        }

        return lines;
    }

    private bool ParseSeverity()
    {
        switch (Severity?.Trim().ToLowerInvariant())
        {
            case null or "" or "error":
                return true;
            case "warning":
                return false;
            default:
                Log.LogWarning(null, DiagnosticCodes.Incomplete, null, null, 0, 0, 0, 0, "HfSecretScanSeverity must be 'error' or 'warning', not '{0}': findings are reported as errors.", Severity);
                return true;
        }
    }

    /// <summary>What the cache's findings depend on besides the code: what is decoded and opened, and the limits.</summary>
    private static string LayersKey(LayerOptions layers) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"d{layers.MaxDecodeDepth}a{layers.MaxArchiveDepth}b{layers.Limits.MaxInflatedBytes}r{layers.Limits.MaxRatio}e{layers.Limits.MaxEntries}");

    private int? ParseDepth(string? value, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int depth))
        {
            return depth;
        }

        Log.LogWarning(null, DiagnosticCodes.Incomplete, null, null, 0, 0, 0, 0, "{0} must be a whole number (0 or more), not '{1}': the default is used.", property, value);
        return null;
    }

    private static string[] SplitCodes(string? codes) =>
        (codes ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
