using HfSecretScan.Content;

namespace HfSecretScan.Scanning;

/// <summary>When and how a content is split into ranges searched on several cores.</summary>
/// <param name="Threshold">Contents of known length at least this long are split; smaller ones are read by one thread.</param>
/// <param name="RangeSize">Bytes per range: small enough to keep the cores busy until the end, large enough that the context re-read at each edge costs nothing.</param>
/// <param name="Workers">Threads that search one content.</param>
internal sealed record LargeContentPolicy(long Threshold, int RangeSize, int Workers)
{
    public static LargeContentPolicy Default { get; } = new(32L << 20, 8 << 20, Environment.ProcessorCount);

    public bool Applies(IRandomAccessContent content) => Workers > 1 && content.Length >= Threshold;
}
