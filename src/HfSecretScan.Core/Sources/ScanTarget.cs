namespace HfSecretScan.Sources;

/// <summary>A file to scan.</summary>
/// <param name="FullPath">Where to read it.</param>
/// <param name="Path">How findings name it: relative to the project root with forward slashes where possible.</param>
public sealed record ScanTarget(string FullPath, string Path);
