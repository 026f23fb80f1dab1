using Microsoft.Win32.SafeHandles;

namespace HfSecretScan.Content;

/// <summary>A file read with positional reads on one handle: no stream, no seeking state.</summary>
public sealed class FileContent : IRandomAccessContent, IDisposable
{
    private readonly SafeFileHandle _handle;
    private long _length = -1;

    private FileContent(SafeFileHandle handle) => _handle = handle;

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
    /// <remarks>Asked of the file system once, and only when asked: most files are read whole by their first read.</remarks>
    public long Length => _length >= 0 ? _length : _length = RandomAccess.GetLength(_handle);

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
