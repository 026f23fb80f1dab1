namespace HfSecretScan.MSBuild.Selection;

/// <summary>How this system compares paths: case-insensitively on Windows and macOS.</summary>
internal static class FileSystemPaths
{
    /// <summary>The comparison for paths.</summary>
    public static StringComparison Comparison { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    /// <summary>The comparer for paths.</summary>
    public static StringComparer Comparer { get; } = StringComparer.FromComparison(Comparison);
}
