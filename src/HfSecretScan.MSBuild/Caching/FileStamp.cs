namespace HfSecretScan.MSBuild.Caching;

/// <summary>Length and last write time of a file: when both are unchanged the file is not read again.</summary>
/// <remarks>
/// A class, not a struct: collections of reference types run the runtime's precompiled shared code,
/// so the first build in a fresh MSBuild process does not pay to JIT them.
/// </remarks>
/// <param name="Length">Bytes.</param>
/// <param name="LastWriteTicks">Last write time, UTC ticks.</param>
internal sealed record FileStamp(long Length, long LastWriteTicks)
{
    /// <summary>The stamp of <paramref name="fullPath"/> with one <c>stat</c>, or null when it is not a regular file.</summary>
    public static FileStamp? Of(string fullPath)
    {
        var info = new FileInfo(fullPath);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}
