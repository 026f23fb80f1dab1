namespace HfSecretScan.Git.Tests;

/// <summary>The built <c>dotnet-hf-scan</c> (copied next to the tests), run as a real process.</summary>
internal static class Tool
{
    /// <summary>The tool's apphost.</summary>
    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "dotnet-hf-scan.exe" : "dotnet-hf-scan");

    /// <summary>A PATH with git and dotnet but no installed hf-scan, so hooks find the tool only where the test says.</summary>
    public static string IsolatedPath { get; } = string.Join(
        Path.PathSeparator,
        new[] { Path.GetDirectoryName(Environment.ProcessPath), "/usr/local/bin", "/usr/bin", "/bin" }.OfType<string>());

    public static ProcessResult Run(string folder, string? input, params string[] arguments) =>
        ProcessRun.Run(folder, Executable, arguments, input, new Dictionary<string, string> { ["PATH"] = IsolatedPath });
}
