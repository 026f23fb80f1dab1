using System.Diagnostics;

namespace HfSecretScan.Git.Tests;

/// <summary>The outcome of a finished process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs real processes (git, the tool, pre-commit) with an environment isolated from the user's git config.</summary>
internal static class ProcessRun
{
    public static ProcessResult Run(string workingDirectory, string program, IEnumerable<string> arguments, string? input = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 120)
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

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in {timeoutSeconds} s");
        }

        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
