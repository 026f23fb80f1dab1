namespace HfSecretScan.Content;

/// <summary>
/// Bytes to scan, readable at any offset. The engine reads each content in fixed-size windows,
/// and a second time only around tokens, so memory stays bounded whatever the size.
/// </summary>
public interface IScanContent
{
    /// <summary>
    /// Fills <paramref name="buffer"/> from <paramref name="offset"/> as far as the content allows
    /// and returns the number of bytes read; fewer than requested only at the end.
    /// </summary>
    int Read(long offset, Span<byte> buffer);
}
