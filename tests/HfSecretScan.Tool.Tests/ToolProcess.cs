using System.Diagnostics;

namespace HfSecretScan.Tool.Tests;

/// <summary>Runs the built dotnet-hf-scan.dll as a real process.</summary>
internal static class ToolProcess
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "dotnet-hf-scan.dll");

    /// <summary>Runs the tool with <paramref name="args"/>, optionally through <paramref name="launcher"/> (e.g. setpriv).</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, byte[]? input, string[] args, string[]? launcher = null)
    {
        string[] command = [.. launcher ?? [], "dotnet", "exec", DllPath, .. args];
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in command[1..])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
