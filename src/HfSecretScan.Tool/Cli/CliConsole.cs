namespace HfSecretScan.Tool.Cli;

/// <summary>The process's standard streams, replaceable in tests.</summary>
internal sealed record CliConsole(Func<Stream> OpenInput, TextWriter Out, TextWriter Error, bool OutputIsTerminal, bool ErrorIsTerminal)
{
    public static CliConsole System { get; } = new(
        Console.OpenStandardInput,
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected);

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
