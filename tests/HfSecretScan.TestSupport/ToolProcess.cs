namespace HfSecretScan.Tests;

/// <summary>The built <c>dotnet-hf-scan</c> (copied next to the tests), run as a real process.</summary>
public static class ToolProcess
{
    /// <summary>The tool's apphost.</summary>
    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "dotnet-hf-scan.exe" : "dotnet-hf-scan");

    /// <summary>The tool's assembly, for <c>dotnet exec</c>.</summary>
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "dotnet-hf-scan.dll");

    /// <summary>A PATH with git and dotnet but no installed hf-scan, so hooks find the tool only where the test says.</summary>
    public static string IsolatedPath { get; } = string.Join(
        Path.PathSeparator,
        new[] { Path.GetDirectoryName(Environment.ProcessPath), "/usr/local/bin", "/usr/bin", "/bin" }.OfType<string>());

    /// <summary>Runs the apphost with only <see cref="IsolatedPath"/> on PATH.</summary>
    public static ProcessResult Run(string folder, string? input, params string[] arguments) =>
        ProcessRun.Run(folder, Executable, arguments, input, new Dictionary<string, string> { ["PATH"] = IsolatedPath });

    /// <summary>Runs the tool with <paramref name="args"/> through <c>dotnet exec</c>, optionally through <paramref name="launcher"/> (e.g. setpriv).</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, byte[]? input, string[] args, string[]? launcher = null)
    {
        string[] command = [.. launcher ?? [], "dotnet", "exec", DllPath, .. args];
        var result = await ProcessRun.RunAsync(workingDirectory, command[0], command[1..], input, timeoutSeconds: 60);
        return new CliResult(result.ExitCode, result.Output, result.Error);
    }
}
