using HfSecretScan.Content;

namespace HfSecretScan.Containers;

/// <summary>Scan content as a read-only stream: what archive readers take. Seekable when the content's length is known.</summary>
internal sealed class ContentStream(IScanContent content) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => content is IRandomAccessContent;

    public override bool CanWrite => false;

    public override long Length => content is IRandomAccessContent sized ? sized.Length : throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => _position = CanSeek ? value : throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = content.Read(_position, buffer);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
