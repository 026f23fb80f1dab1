using HfSecretScan.Content;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;

namespace HfSecretScan.Sources;

/// <summary>A one-pass stream (standard input), spooled so that tokens can be located.</summary>
/// <param name="open">Opens the stream; called once, when the source is scanned.</param>
public sealed class StandardInputSource(Func<Stream> open) : IScanSource
{
    /// <summary>How findings in standard input are named.</summary>
    public const string DisplayName = "<stdin>";

    /// <inheritdoc />
    public async Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using var input = open();
        using var content = await SpooledContent.FromStreamAsync(input, cancellationToken: cancellationToken).ConfigureAwait(false);

        // Not a path: the globs do not apply to what is piped in.
        sink.Scan(sink.CreateScanner(), content, DisplayName);
    }
}
