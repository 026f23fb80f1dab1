namespace HfSecretScan.Content;

/// <summary>
/// Content of a one-pass stream such as standard input, kept in memory up to a threshold and in
/// a temporary file beyond it, so that it can be read again around tokens.
/// </summary>
public sealed class SpooledContent : IScanContent, IDisposable
{
    private const int DefaultMemoryThreshold = 16 * 1024 * 1024;

    private readonly Stream _store;

    private SpooledContent(Stream store) => _store = store;

    /// <summary>Total bytes read from the source stream.</summary>
    public long Length => _store.Length;

    /// <summary>Copies <paramref name="source"/> to the end, spilling to a temporary file past <paramref name="memoryThreshold"/> bytes.</summary>
    public static async Task<SpooledContent> FromStreamAsync(Stream source, int memoryThreshold = DefaultMemoryThreshold, CancellationToken cancellationToken = default)
    {
        var memory = new MemoryStream();
        byte[] buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (memory.Length + read > memoryThreshold)
            {
                var file = new FileStream(
                    Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                memory.Position = 0;
                await memory.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                return new SpooledContent(file);
            }

            memory.Write(buffer, 0, read);
        }

        return new SpooledContent(memory);
    }

    /// <inheritdoc />
    public int Read(long offset, Span<byte> buffer)
    {
        _store.Position = offset;
        int total = 0;
        int read;
        while (total < buffer.Length && (read = _store.Read(buffer[total..])) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
