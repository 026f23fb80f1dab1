namespace HfSecretScan.Detection;

/// <summary>A validated token at a byte offset of some content.</summary>
/// <param name="Rule">The rule it satisfies.</param>
/// <param name="Offset">Byte offset of the token's first byte in the content.</param>
/// <param name="Form">How the token's characters are laid out in bytes.</param>
/// <param name="Value">The token text. Never print it: wrap it in <see cref="HfSecretScan.Findings.Secret"/>.</param>
public readonly record struct RawToken(TokenRule Rule, long Offset, ByteForm Form, string Value)
{
    /// <summary>
    /// The encodings the token was found under, outermost first (<see cref="Decoding.EncodingNames"/>);
    /// empty for a token written as itself. <see cref="Offset"/> is then where the outermost
    /// encoding is reported: the encoded value's first byte, or the token's first escaped character.
    /// </summary>
    public IReadOnlyList<string> Decoded { get; init; } = [];

    /// <summary>Whether the token was found by decoding an encoded form.</summary>
    public bool IsDecoded => Decoded.Count > 0;

    /// <summary>Length of the token in bytes in its form.</summary>
    public int ByteLength => Rule.Length * Form.UnitSize();

    /// <inheritdoc />
    public override string ToString() => $"{Rule.Id}@{Offset}";
}
