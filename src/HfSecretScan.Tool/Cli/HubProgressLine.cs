using System.Globalization;
using HfSecretScan.Hub;
using HfSecretScan.Reporting;

namespace HfSecretScan.Tool.Cli;

/// <summary>One self-overwriting progress line on a terminal for a Hub audit: repositories done of total, the current one, bytes fetched.</summary>
internal sealed class HubProgressLine(TextWriter terminal) : IProgress<HubProgress>
{
    private readonly Lock _gate = new();

    public void Report(HubProgress value)
    {
        string current = value.Current is null ? string.Empty : $", {value.Current}";
        string line = string.Create(CultureInfo.InvariantCulture, $"\r\u001b[Khub: {value.Done:N0}/{value.Total:N0} repositories{current}, {FindingText.Bytes(value.BytesFetched)} fetched ");
        lock (_gate)
        {
            terminal.Write(line);
            terminal.Flush();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            terminal.Write("\r\u001b[K");
            terminal.Flush();
        }
    }
}
