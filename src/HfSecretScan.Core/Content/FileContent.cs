using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HfSecretScan.Content;

/// <summary>
/// A file read with positional reads on one handle: no stream, no seeking state. What the handle
/// said of the file when it was opened (size and modification time) is kept, so that a file
/// truncated, grown or rewritten while it was read can be told by <see cref="Change"/>.
/// </summary>
public sealed partial class FileContent : IRandomAccessContent, IDisposable
{
    private static bool s_nativeUnavailable;

    // System.Native's own values (pal_io.h), not the platform's.
    private const int PalReadOnly = 0x0000;
    private const int PalCloseOnExec = 0x0010;
    private const int ErrorNoEntry = 2;
    private const int ErrorPermission = 1;
    private const int ErrorAccess = 13;
    private const int TypeMask = 0xF000;
    private const int TypeDirectory = 0x4000;

    private readonly SafeFileHandle _handle;
    private readonly bool _opensNatively;
    private readonly Stamp _opened;

    private FileContent(SafeFileHandle handle, bool opensNatively, Stamp opened)
    {
        _handle = handle;
        _opensNatively = opensNatively;
        _opened = opened;
    }

    /// <summary>Opens <paramref name="path"/> for reading, sharing it with writers and deleters.</summary>
    /// <remarks>
    /// On Unix the file is opened and read through System.Native directly: <c>File.OpenHandle</c>
    /// stats the handle to learn it is a regular file, and <c>RandomAccess</c> on another handle
    /// seeks to learn it can seek, each a system call per file besides the stat this keeps for the
    /// stamp (bench/notes/tree.md).
    /// </remarks>
    public static FileContent Open(string path)
    {
        if (!OperatingSystem.IsWindows() && !s_nativeUnavailable)
        {
            try
            {
                return OpenUnix(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_nativeUnavailable = true;
            }
        }

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.None);
        return new FileContent(handle, opensNatively: false, StampOf(handle));
    }

    /// <inheritdoc />
    /// <remarks>
    /// One positional read: on a regular file it returns short only at the end, so small files
    /// cost one read, not a second one to see the end.
    /// </remarks>
    public int Read(long offset, Span<byte> buffer) => _opensNatively ? ReadUnix(offset, buffer) : RandomAccess.Read(_handle, buffer, offset);

    /// <inheritdoc />
    public long Length => _opened.Length;

    /// <summary>
    /// How the file's content changed since it was opened, asked of the handle now; null when it did
    /// not. A file deleted or renamed over is no change: the handle reads the file it opened, whole.
    /// A rewrite to the same size within the file system's clock tick (a few milliseconds) cannot be told.
    /// </summary>
    public string? Change()
    {
        var now = StampOf(_handle);
        if (now == _opened)
        {
            return null;
        }

        return now.Length != _opened.Length
            ? $"{_opened.Length} bytes when opened, {now.Length} now"
            : "rewritten, same size";
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    private static Stamp StampOf(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsWindows() && !s_nativeUnavailable)
        {
            try
            {
                return StampUnix(handle);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_nativeUnavailable = true;
            }
        }

        return new Stamp(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks);
    }

    /// <summary>
    /// One <c>fstat</c> through the runtime's own shim (as <see cref="Sources.FileKindProbe"/> does for
    /// <c>lstat</c>): its FileStatus holds Size at byte 16, MTime and its nanoseconds at 40 and 48.
    /// </summary>
    private static unsafe Stamp StampUnix(SafeFileHandle handle)
    {
        byte* status = stackalloc byte[256];
        if (FStat(handle, status) != 0)
        {
            return new Stamp(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks);
        }

        return StampFrom(status);
    }

    // FileStatus in System.Native: int32 Flags, int32 Mode, ..., int64 Size at 16, MTime at 40, MTimeNsec at 48.
    private static unsafe Stamp StampFrom(byte* status) => new(*(long*)(status + 16), (*(long*)(status + 40) * 1_000_000_000) + *(long*)(status + 48));

    private static unsafe FileContent OpenUnix(string path)
    {
        var handle = OpenNative(path, PalReadOnly | PalCloseOnExec, 0);
        if (handle.IsInvalid)
        {
            int error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw error switch
            {
                ErrorNoEntry => new FileNotFoundException($"Could not find file '{path}'.", path),
                ErrorAccess or ErrorPermission => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                _ => new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(error)}", error),
            };
        }

        byte* status = stackalloc byte[256];
        if (FStat(handle, status) != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(error)}", error);
        }

        if ((*(int*)(status + 4) & TypeMask) == TypeDirectory)
        {
            handle.Dispose();
            throw new UnauthorizedAccessException($"Access to the path '{path}' is denied: it is a folder.");
        }

        return new FileContent(handle, opensNatively: true, StampFrom(status));
    }

    private unsafe int ReadUnix(long offset, Span<byte> buffer)
    {
        fixed (byte* bytes = buffer)
        {
            int read = PRead(_handle, bytes, buffer.Length, offset);
            if (read < 0)
            {
                int error = Marshal.GetLastPInvokeError();
                throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
            }

            return read;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial SafeFileHandle OpenNative(string path, int flags, int mode);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static unsafe partial int FStat(SafeFileHandle fd, byte* status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_PRead", SetLastError = true)]
    private static unsafe partial int PRead(SafeFileHandle fd, byte* buffer, int count, long offset);

    private readonly record struct Stamp(long Length, long Modified);
}
