using System.Globalization;
using HfSecretScan.Hub;
using HfSecretScan.Reporting;

namespace HfSecretScan.Tool.Cli;

/// <summary>One self-overwriting progress line on a terminal for a Hub audit: repositories done of total, the current one, bytes fetched.</summary>
internal sealed class HubProgressLine(TextWriter terminal) : IProgress<HubProgress>
{
    private readonly TerminalLine _line = new(terminal);

    public void Report(HubProgress value)
    {
        // A repository's name comes from the Hub's answer: quoted, so it cannot move the cursor.
        string current = value.Current is null ? string.Empty : $", {DisplayText.Quote(value.Current)}";
        string line = string.Create(CultureInfo.InvariantCulture, $"hub: {value.Done:N0}/{value.Total:N0} repositories{current}, {FindingText.Bytes(value.BytesFetched)} fetched ");
        _line.Show(line);
    }

    public void Clear() => _line.Clear();
}
