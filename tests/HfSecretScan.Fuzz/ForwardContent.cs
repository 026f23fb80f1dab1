using HfSecretScan.Content;

namespace HfSecretScan.Fuzz;

/// <summary>Bytes without a known length, as a member of another container is: a zip is then read forward from its local headers.</summary>
internal sealed class ForwardContent(byte[] bytes) : IScanContent
{
    private readonly MemoryContent _inner = new(bytes);

    public int Read(long offset, Span<byte> buffer) => _inner.Read(offset, buffer);
}
