namespace HfSecretScan.MSBuild.Selection;

/// <summary>A file of the project to scan.</summary>
/// <param name="FullPath">Where it is; what diagnostics and the cache name it by.</param>
/// <param name="RootPath">Relative to the repository root with forward slashes: what baselines and the configuration's globs use.</param>
internal sealed record ProjectFile(string FullPath, string RootPath);
