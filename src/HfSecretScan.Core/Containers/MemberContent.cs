using HfSecretScan.Content;

namespace HfSecretScan.Containers;

/// <summary>
/// A container member as scan content: read forward from a stream, never held whole. The most
/// recent bytes are kept so that windows re-reading their context and the location pass around a
/// token cost nothing; a read further back opens the member again. A member that cannot be read
/// to its end (corrupt, truncated) ends there, and <see cref="Error"/> says why.
/// </summary>
internal sealed class MemberContent : IScanContent, IDisposable
{
    private readonly Func<bool, Stream> _open;
    private readonly byte[] _cache;
    private Stream _stream;
    private long _cacheStart;
    private int _cacheLength;
    private bool _ended;

    /// <param name="open">Opens the member from its start; the flag is true on the first open only (what the budget is charged for).</param>
    /// <param name="cacheBytes">Bytes kept behind the furthest read.</param>
    public MemberContent(Func<bool, Stream> open, int cacheBytes)
    {
        _open = open;
        _cache = new byte[cacheBytes];
        _stream = open(true);
    }

    /// <summary>Why the member ended before its end, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Bytes read from the member so far, its length once it was read to the end.</summary>
    public long BytesRead => _cacheStart + _cacheLength;

    /// <inheritdoc />
    public int Read(long offset, Span<byte> buffer)
    {
        if (offset < _cacheStart)
        {
            Rewind();
        }

        int total = 0;
        while (total < buffer.Length)
        {
            long at = offset + total;
            if (at < _cacheStart + _cacheLength)
            {
                int from = (int)(at - _cacheStart);
                int count = Math.Min(buffer.Length - total, _cacheLength - from);
                _cache.AsSpan(from, count).CopyTo(buffer[total..]);
                total += count;
                continue;
            }

            if (_ended || !Fill())
            {
                break;
            }
        }

        return total;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>Reads more of the stream, dropping the oldest cached half when the cache is full; false at the end.</summary>
    private bool Fill()
    {
        if (_cacheLength == _cache.Length)
        {
            // Keep the newest half: the context a window re-reads and the line a token sits on.
            int keep = _cache.Length / 2;
            Buffer.BlockCopy(_cache, _cacheLength - keep, _cache, 0, keep);
            _cacheStart += _cacheLength - keep;
            _cacheLength = keep;
        }

        int read;
        try
        {
            read = _stream.Read(_cache.AsSpan(_cacheLength));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or NotSupportedException || e.GetType().Namespace?.StartsWith("SharpCompress", StringComparison.Ordinal) == true)
        {
            Error = e.Message;
            read = 0;
        }

        if (read == 0)
        {
            _ended = true;
            return false;
        }

        _cacheLength += read;
        return true;
    }

    private void Rewind()
    {
        _stream.Dispose();
        _stream = _open(false);
        _cacheStart = 0;
        _cacheLength = 0;
        _ended = false;
    }
}
