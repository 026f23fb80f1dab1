using HfSecretScan.Content;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>A seekable stream as scan content (libgit2's view of an inflated blob), read without copying it whole.</summary>
internal sealed class BlobStreamContent(Stream stream) : IScanContent
{
    /// <inheritdoc />
    public int Read(long offset, Span<byte> buffer)
    {
        stream.Position = offset;
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
