using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HfSecretScan.Content;

/// <summary>
/// A file read with positional reads on one handle: no stream, no seeking state. What the handle
/// said of the file when it was opened (size and modification time) is kept, so that a file
/// truncated, grown or rewritten while it was read can be told by <see cref="Change"/>.
/// </summary>
public sealed class FileContent : IRandomAccessContent, IDisposable
{
    // errno values that Linux and macOS share.
    private const int ErrorNoEntry = 2;
    private const int ErrorPermission = 1;
    private const int ErrorAccess = 13;

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
        if (SystemNative.Available)
        {
            return OpenUnix(path);
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

    /// <summary>The handle's size and write time: one <c>fstat</c> through <see cref="SystemNative"/> where it can.</summary>
    private static Stamp StampOf(SafeFileHandle handle) =>
        SystemNative.Available && SystemNative.FStat(handle, out var status) == 0
            ? StampFrom(status)
            : new Stamp(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks);

    private static Stamp StampFrom(in FileStatus status) => new(status.Size, (status.ModifiedSeconds * 1_000_000_000) + status.ModifiedNanoseconds);

    private static FileContent OpenUnix(string path)
    {
        var handle = SystemNative.OpenForReading(path);
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

        if (SystemNative.FStat(handle, out var status) != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(error)}", error);
        }

        if (status.Type == SystemNative.TypeDirectory)
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
            int read = SystemNative.PRead(_handle, bytes, buffer.Length, offset);
            if (read < 0)
            {
                int error = Marshal.GetLastPInvokeError();
                throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
            }

            return read;
        }
    }

    private readonly record struct Stamp(long Length, long Modified);
}
