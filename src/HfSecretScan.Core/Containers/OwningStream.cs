namespace HfSecretScan.Containers;

/// <summary>A read-only view of a stream that disposes what it was opened with (an archive reader) instead of, or besides, the stream.</summary>
internal sealed class OwningStream(Stream inner, IDisposable? owner, bool disposeInner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

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
            if (disposeInner)
            {
                inner.Dispose();
            }

            owner?.Dispose();
        }

        base.Dispose(disposing);
    }
}
