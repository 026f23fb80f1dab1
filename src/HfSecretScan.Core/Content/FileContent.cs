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

    private readonly SafeFileHandle _handle;
    private readonly Stamp _opened;

    private FileContent(SafeFileHandle handle)
    {
        _handle = handle;
        _opened = StampOf(handle);
    }

    /// <summary>Opens <paramref name="path"/> for reading, sharing it with writers and deleters.</summary>
    public static FileContent Open(string path) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.None));

    /// <inheritdoc />
    /// <remarks>
    /// One positional read: on a regular file it returns short only at the end, so small files
    /// cost one read, not a second one to see the end.
    /// </remarks>
    public int Read(long offset, Span<byte> buffer) => RandomAccess.Read(_handle, buffer, offset);

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

        return new Stamp(*(long*)(status + 16), (*(long*)(status + 40) * 1_000_000_000) + *(long*)(status + 48));
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static unsafe partial int FStat(SafeFileHandle fd, byte* status);

    private readonly record struct Stamp(long Length, long Modified);
}
