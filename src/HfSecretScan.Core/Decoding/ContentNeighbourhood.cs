using HfSecretScan.Content;

namespace HfSecretScan.Decoding;

/// <summary>
/// The bytes of a content around one offset, read on demand and grown when a run reaches the
/// edge of what was read: decoding looks only where a candidate is, never at the whole content.
/// </summary>
internal sealed class ContentNeighbourhood(IScanContent content)
{
    private byte[] _bytes = [];

    /// <summary>Content offset of <see cref="Bytes"/>[0].</summary>
    public long Start { get; private set; }

    /// <summary>The bytes read.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    /// <summary>How many bytes were read.</summary>
    public int Length { get; private set; }

    /// <summary>Whether <see cref="Bytes"/> begins where the content begins.</summary>
    public bool AtContentStart => Start == 0;

    /// <summary>Whether <see cref="Bytes"/> ends where the content ends.</summary>
    public bool AtContentEnd { get; private set; }

    /// <summary>Reads <paramref name="before"/> bytes before <paramref name="offset"/> and <paramref name="after"/> from it, as far as the content has them.</summary>
    public void Read(long offset, int before, int after)
    {
        Start = Math.Max(0, offset - before);
        int want = (int)(offset - Start) + after;
        if (_bytes.Length < want)
        {
            _bytes = new byte[want];
        }

        Length = content.Read(Start, _bytes.AsSpan(0, want));
        AtContentEnd = Length < want;
    }
}
