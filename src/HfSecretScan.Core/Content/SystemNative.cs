using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HfSecretScan.Content;

/// <summary>
/// The runtime's own Unix shim (libSystem.Native, part of every .NET runtime on Unix and linked into
/// the Native AOT tool), for the few calls whose BCL wrappers cost system calls per file on the scan's
/// hot path: lstat, open, fstat and pread without the stat and seek the BCL adds. Whether it can be
/// called is decided once; where it cannot (Windows, or a runtime without it), callers use the BCL.
/// </summary>
internal static partial class SystemNative
{
    // System.Native's own flag values (pal_io.h), not the platform's.
    private const int PalReadOnly = 0x0000;
    private const int PalCloseOnExec = 0x0010;

    /// <summary>File type bits of <see cref="FileStatus.Mode"/>.</summary>
    public const int TypeMask = 0xF000;

    /// <summary>A folder.</summary>
    public const int TypeDirectory = 0x4000;

    /// <summary>A regular file.</summary>
    public const int TypeRegular = 0x8000;

    /// <summary>A symbolic link.</summary>
    public const int TypeSymlink = 0xA000;

    /// <summary>Whether the shim can be called here.</summary>
    public static bool Available { get; } = !OperatingSystem.IsWindows() && Probe();

    /// <summary>lstat: 0, or -1 with errno.</summary>
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int LStat(string path, out FileStatus status);

    /// <summary>fstat: 0, or -1 with errno.</summary>
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    public static partial int FStat(SafeFileHandle fd, out FileStatus status);

    /// <summary>pread: the bytes read, or -1 with errno.</summary>
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_PRead", SetLastError = true)]
    public static unsafe partial int PRead(SafeFileHandle fd, byte* buffer, int count, long offset);

    /// <summary>Opens <paramref name="path"/> read-only, closed on exec; an invalid handle with errno when it cannot.</summary>
    public static SafeFileHandle OpenForReading(string path) => Open(path, PalReadOnly | PalCloseOnExec, 0);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial SafeFileHandle Open(string path, int flags, int mode);

    private static bool Probe()
    {
        try
        {
            _ = LStat("/", out _);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>
/// The start of System.Native's FileStatus (pal_io.h), as far as the scan reads it; the rest of its
/// fields are covered by the size, which is larger than the shim writes.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct FileStatus
{
    /// <summary>Type and permission bits.</summary>
    [FieldOffset(4)]
    public int Mode;

    /// <summary>Length in bytes.</summary>
    [FieldOffset(16)]
    public long Size;

    /// <summary>Last write time, seconds since the epoch.</summary>
    [FieldOffset(40)]
    public long ModifiedSeconds;

    /// <summary>The nanoseconds of <see cref="ModifiedSeconds"/>.</summary>
    [FieldOffset(48)]
    public long ModifiedNanoseconds;

    /// <summary>The type bits of <see cref="Mode"/>.</summary>
    public readonly int Type => Mode & SystemNative.TypeMask;
}
