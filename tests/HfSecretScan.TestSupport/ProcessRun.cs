using System.Diagnostics;
using System.Text;

namespace HfSecretScan.Tests;

/// <summary>The outcome of a finished process.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs real processes (git, the tool, dotnet, pre-commit) with an environment isolated from the user's git config.</summary>
public static class ProcessRun
{
    public static ProcessResult Run(string workingDirectory, string program, IEnumerable<string> arguments, string? input = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 120) =>
        RunAsync(workingDirectory, program, arguments, input is null ? null : Encoding.UTF8.GetBytes(input), environment, timeoutSeconds).GetAwaiter().GetResult();

    /// <param name="workingDirectory">Where the process runs.</param>
    /// <param name="program">The program, looked up on PATH.</param>
    /// <param name="arguments">Its arguments, passed as they are (no shell).</param>
    /// <param name="input">Standard input; none (closed at once) when null.</param>
    /// <param name="environment">Variables to set on top of the isolated environment.</param>
    /// <param name="timeoutSeconds">The process tree is killed, and the test fails, after this long.</param>
    /// <param name="unset">Variables of the test host to remove from the process's environment.</param>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, string program, IEnumerable<string> arguments, byte[]? input = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 120, IEnumerable<string>? unset = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Test Author";
        start.Environment["GIT_AUTHOR_EMAIL"] = "author@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "Test Author";
        start.Environment["GIT_COMMITTER_EMAIL"] = "author@example.com";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        foreach (string key in unset ?? [])
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in {timeoutSeconds} s");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
