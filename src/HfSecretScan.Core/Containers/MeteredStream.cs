using HfSecretScan.Content;

namespace HfSecretScan.Containers;

/// <summary>
/// A decompressing stream held to the budget: it counts what comes out against the file's total
/// and what went in against the ratio limit, and ends (returns no more bytes) when either trips,
/// so that a bomb costs bounded time and memory and what was read before still counts.
/// </summary>
internal sealed class MeteredStream(Stream inflated, Func<long> compressedBytes, ContainerBudget budget, bool charge) : ReadOnlyStream
{
    private long _produced;

    public override long Position { get => _produced; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        if (budget.Tripped is not null)
        {
            return 0;
        }

        int read = inflated.Read(buffer);
        _produced += read;
        var limits = budget.Limits;
        if (_produced > limits.RatioGrace && _produced > (long)limits.MaxRatio * Math.Max(1, compressedBytes()))
        {
            budget.Trip($"inflates more than {limits.MaxRatio} times its compressed size (archiveLimits.maxRatio)");
            return 0;
        }

        // Re-reading a member to locate its tokens costs time but was paid for once already.
        return !charge || budget.Charge(read) ? read : 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inflated.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A read-only pass-through that counts the bytes read from it: the compressed side of a <see cref="MeteredStream"/>.</summary>
internal sealed class CountingStream(Stream inner, bool leaveOpen) : ReadOnlyStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
