namespace HfSecretScan.Tool.Cli;

/// <summary>The process's standard streams, replaceable in tests, and the environment variables that say where the run's host wants more output.</summary>
internal sealed record CliConsole(Func<Stream> OpenInput, TextWriter Out, TextWriter Error, bool OutputIsTerminal, bool ErrorIsTerminal, Func<string, string?>? ReadVariable = null)
{
    /// <summary>An environment variable of the host (a CI runner's, e.g. <c>GITHUB_STEP_SUMMARY</c>); the process's unless a test says otherwise.</summary>
    public string? Variable(string name) => (ReadVariable ?? Environment.GetEnvironmentVariable)(name);

    public static CliConsole System { get; } = new(
        Console.OpenStandardInput,
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected);

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(Variable("NO_COLOR"));
}
