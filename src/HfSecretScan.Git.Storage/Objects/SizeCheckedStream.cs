using HfSecretScan.Content;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// An inflating stream held to the size its object's header declares: data past that size, or an
/// end before it, is corrupt (as git says), rather than read on or accepted as the whole object.
/// </summary>
internal sealed class SizeCheckedStream(Stream inner, long declared, Func<string, CorruptObjectException> corrupt) : ReadOnlyStream
{
    private long _read;

    public override long Length => declared;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (Exception e) when (CorruptObjectException.IsInflateError(e))
        {
            throw corrupt("its zlib stream is corrupt: " + e.Message);
        }

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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
