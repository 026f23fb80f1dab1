using System.Runtime.InteropServices;

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
public static partial class FileKindProbe
{
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeSymlink = 0xA000;
    private const int TypeSocket = 0xC000;

    private static bool s_nativeUnavailable;

    /// <summary>The kind of <paramref name="path"/>, not following a final symbolic link.</summary>
    public static FileKind Probe(string path)
    {
        if (!OperatingSystem.IsWindows() && !s_nativeUnavailable)
        {
            try
            {
                return ProbeUnix(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_nativeUnavailable = true;
            }
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Directory.Exists(path) ? (info.LinkTarget is null ? FileKind.Directory : FileKind.SymbolicLink) : FileKind.Missing;
        }

        return info.LinkTarget is null ? FileKind.Regular : FileKind.SymbolicLink;
    }

    private static unsafe FileKind ProbeUnix(string path)
    {
        // FileStatus in System.Native starts with int32 Flags, int32 Mode; 256 bytes covers the rest.
        byte* status = stackalloc byte[256];
        if (LStat(path, status) != 0)
        {
            return FileKind.Missing;
        }

        int mode = *(int*)(status + 4);
        return (mode & TypeMask) switch
        {
            TypeRegular => FileKind.Regular,
            TypeDirectory => FileKind.Directory,
            TypeSymlink => FileKind.SymbolicLink,
            TypeFifo or TypeCharDevice or TypeBlockDevice or TypeSocket => FileKind.Special,
            _ => FileKind.Special,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LStat(string path, byte* status);
}
