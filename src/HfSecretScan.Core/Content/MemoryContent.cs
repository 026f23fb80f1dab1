namespace HfSecretScan.Content;

/// <summary>Content already in memory (a git blob, a test buffer).</summary>
public sealed class MemoryContent(ReadOnlyMemory<byte> bytes) : IRandomAccessContent
{
    /// <summary>The whole content.</summary>
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <inheritdoc />
    public long Length => Bytes.Length;

    /// <inheritdoc />
    public int Read(long offset, Span<byte> buffer)
    {
        if (offset >= Bytes.Length)
        {
            return 0;
        }

        var source = Bytes.Span[(int)offset..];
        int count = Math.Min(source.Length, buffer.Length);
        source[..count].CopyTo(buffer);
        return count;
    }
}
