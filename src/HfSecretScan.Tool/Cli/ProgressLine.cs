using System.Globalization;
using HfSecretScan.Git.Repositories.History;

namespace HfSecretScan.Tool.Cli;

/// <summary>One self-overwriting progress line on a terminal: objects done of total and throughput.</summary>
internal sealed class ProgressLine(TextWriter terminal) : IProgress<HistoryProgress>
{
    private readonly TerminalLine _line = new(terminal);

    public void Report(HistoryProgress value)
    {
        double megabytesPerSecond = value.BytesDone / (1024.0 * 1024) / Math.Max(value.Elapsed.TotalSeconds, 0.001);
        string line = string.Create(CultureInfo.InvariantCulture, $"history: {value.ObjectsDone:N0}/{value.ObjectsTotal:N0} objects, {megabytesPerSecond:0.0} MB/s ");
        _line.Show(line);
    }

    public void Clear() => _line.Clear();
}
