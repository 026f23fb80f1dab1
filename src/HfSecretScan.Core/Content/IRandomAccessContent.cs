namespace HfSecretScan.Content;

/// <summary>
/// Content of known length whose reads are independent of each other, so that several threads may
/// read different ranges of it at once: what lets the engine search one large file on all cores.
/// </summary>
public interface IRandomAccessContent : IScanContent
{
    /// <summary>Length in bytes when the content was opened.</summary>
    long Length { get; }
}
