namespace HfSecretScan.Tool.Cli;

/// <summary>One self-overwriting line on a terminal (progress), written from any thread.</summary>
internal sealed class TerminalLine(TextWriter terminal)
{
    private const string EraseLine = "\r\u001b[K";

    private readonly Lock _gate = new();

    /// <summary>Replaces the line with <paramref name="text"/>.</summary>
    public void Show(string text)
    {
        lock (_gate)
        {
            terminal.Write(EraseLine + text);
            terminal.Flush();
        }
    }

    /// <summary>Erases the line, before the report is written.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            terminal.Write(EraseLine);
            terminal.Flush();
        }
    }
}
