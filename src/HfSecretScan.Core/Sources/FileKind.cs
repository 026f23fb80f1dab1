using HfSecretScan.Content;

namespace HfSecretScan.Sources;

/// <summary>What a directory entry is, without following symbolic links.</summary>
public enum FileKind
{
    /// <summary>Gone, or not accessible.</summary>
    Missing,

    /// <summary>A regular file: scanned.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link: not followed unless asked.</summary>
    SymbolicLink,

    /// <summary>A FIFO, socket or device: never opened, since reading one can block forever.</summary>
    Special,
}

/// <summary>
/// Tells regular files from FIFOs, sockets and devices before anything opens them (opening a FIFO
/// blocks until a writer appears). .NET exposes no file type, so on Unix this asks the runtime's
/// own native shim for <c>lstat</c>'s mode bits.
/// </summary>
public static class FileKindProbe
{
    /// <summary>The kind of <paramref name="path"/>, not following a final symbolic link.</summary>
    public static FileKind Probe(string path)
    {
        if (SystemNative.Available)
        {
            return ProbeUnix(path);
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Directory.Exists(path) ? (info.LinkTarget is null ? FileKind.Directory : FileKind.SymbolicLink) : FileKind.Missing;
        }

        return info.LinkTarget is null ? FileKind.Regular : FileKind.SymbolicLink;
    }

    private static FileKind ProbeUnix(string path)
    {
        if (SystemNative.LStat(path, out var status) != 0)
        {
            return FileKind.Missing;
        }

        return status.Type switch
        {
            SystemNative.TypeRegular => FileKind.Regular,
            SystemNative.TypeDirectory => FileKind.Directory,
            SystemNative.TypeSymlink => FileKind.SymbolicLink,
            _ => FileKind.Special,
        };
    }
}
