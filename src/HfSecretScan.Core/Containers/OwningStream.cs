using HfSecretScan.Content;

namespace HfSecretScan.Containers;

/// <summary>A read-only view of a stream that disposes what it was opened with (an archive reader) instead of, or besides, the stream.</summary>
internal sealed class OwningStream(Stream inner, IDisposable? owner, bool disposeInner) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer) => inner.Read(buffer);

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
