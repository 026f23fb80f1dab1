namespace HfSecretScan.Git.Repositories.History;

/// <summary>How far a history scan has got.</summary>
/// <param name="ObjectsDone">Blobs and messages scanned so far.</param>
/// <param name="ObjectsTotal">Blobs and messages to scan.</param>
/// <param name="BytesDone">Bytes scanned so far.</param>
/// <param name="Elapsed">Time since the scan started.</param>
public readonly record struct HistoryProgress(long ObjectsDone, long ObjectsTotal, long BytesDone, TimeSpan Elapsed);
