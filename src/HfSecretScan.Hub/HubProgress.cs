namespace HfSecretScan.Hub;

/// <summary>How far a Hub audit has got.</summary>
/// <param name="Done">Repositories finished.</param>
/// <param name="Total">Repositories to audit (in this shard).</param>
/// <param name="Current">A repository being worked on; null when none is.</param>
/// <param name="BytesFetched">Bytes received from git so far.</param>
public readonly record struct HubProgress(int Done, int Total, string? Current, long BytesFetched);
