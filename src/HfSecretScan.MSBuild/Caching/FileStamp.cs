namespace HfSecretScan.MSBuild.Caching;

/// <summary>Length and last write time of a file: when both are unchanged the file is not read again.</summary>
/// <param name="Length">Bytes.</param>
/// <param name="LastWriteTicks">Last write time, UTC ticks.</param>
internal readonly record struct FileStamp(long Length, long LastWriteTicks)
{
    /// <summary>The stamp of <paramref name="fullPath"/> with one <c>stat</c>, or null when it is not a regular file.</summary>
    public static FileStamp? Of(string fullPath)
    {
        var info = new FileInfo(fullPath);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}
