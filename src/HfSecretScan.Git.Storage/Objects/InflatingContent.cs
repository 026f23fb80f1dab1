using HfSecretScan.Content;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// A blob too large to hold whole, read by inflating it from the start as the scanner moves
/// forward; a read behind the current position inflates again from the start (the scanner goes
/// back only to locate tokens it found), so memory stays at one zlib window.
/// </summary>
internal sealed class InflatingContent(Func<Stream> open) : IScanContent, IDisposable
{
    private readonly byte[] _skip = new byte[1 << 16];
    private Stream? _stream;
    private long _position;

    /// <inheritdoc />
    public int Read(long offset, Span<byte> buffer)
    {
        if (_stream is null || offset < _position)
        {
            _stream?.Dispose();
            _stream = open();
            _position = 0;
        }

        while (_position < offset)
        {
            int skipped = _stream.Read(_skip, 0, (int)Math.Min(_skip.Length, offset - _position));
            if (skipped == 0)
            {
                return 0;
            }

            _position += skipped;
        }

        int read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _position += read;
        return read;
    }

    public void Dispose() => _stream?.Dispose();
}
