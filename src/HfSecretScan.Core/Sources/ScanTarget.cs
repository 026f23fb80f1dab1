namespace HfSecretScan.Sources;

/// <summary>A file to scan.</summary>
/// <param name="FullPath">Where to read it.</param>
/// <param name="Path">How findings name it: relative to the project root with forward slashes where possible.</param>
/// <param name="Explicit">Named by the user: read even through a symbolic link.</param>
public sealed record ScanTarget(string FullPath, string Path, bool Explicit = false);
