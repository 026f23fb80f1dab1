namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// An inflating stream held to the size its object's header declares: data past that size, or an
/// end before it, is corrupt (as git says), rather than read on or accepted as the whole object.
/// </summary>
internal sealed class SizeCheckedStream(Stream inner, long declared, Func<string, CorruptObjectException> corrupt) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => declared;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int read = inner.Read(buffer);
        _read += read;
        if (_read > declared)
        {
            throw corrupt($"its zlib stream inflates past the {declared} bytes its header says");
        }

        if (read == 0 && _read < declared)
        {
            throw corrupt($"its zlib stream ends after {_read} bytes, its header says {declared}");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
