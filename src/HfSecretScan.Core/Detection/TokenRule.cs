namespace HfSecretScan.Detection;

/// <summary>
/// One kind of Hugging Face token: a fixed lower-case prefix followed by a fixed-length
/// alphanumeric body.
/// </summary>
public sealed class TokenRule
{
    internal TokenRule(string id, string code, string prefix, int bodyLength, string name, string description)
    {
        Id = id;
        Code = code;
        Prefix = prefix;
        BodyLength = bodyLength;
        Name = name;
        Description = description;
        PrefixUtf8 = System.Text.Encoding.ASCII.GetBytes(prefix);
        PrefixUtf16LE = System.Text.Encoding.Unicode.GetBytes(prefix);
        PrefixUtf16BE = System.Text.Encoding.BigEndianUnicode.GetBytes(prefix);
    }

    /// <summary>Stable rule identifier used in reports and baselines, e.g. <c>hf-user-token</c>.</summary>
    public string Id { get; }

    /// <summary>Diagnostic code used by the build integration, e.g. <c>HFS001</c>.</summary>
    public string Code { get; }

    /// <summary>The literal prefix, e.g. <c>hf_</c>.</summary>
    public string Prefix { get; }

    /// <summary>Number of <c>[A-Za-z0-9]</c> characters after the prefix.</summary>
    public int BodyLength { get; }

    /// <summary>Total token length in characters.</summary>
    public int Length => Prefix.Length + BodyLength;

    /// <summary>Short human name, e.g. "Hugging Face user access token".</summary>
    public string Name { get; }

    /// <summary>One-sentence description for rule metadata (SARIF, docs).</summary>
    public string Description { get; }

    internal byte[] PrefixUtf8 { get; }

    internal byte[] PrefixUtf16LE { get; }

    internal byte[] PrefixUtf16BE { get; }

    /// <summary>The prefix as it appears in the given byte form.</summary>
    internal ReadOnlySpan<byte> PrefixIn(ByteForm form) => form switch
    {
        ByteForm.Ascii => PrefixUtf8,
        ByteForm.Utf16LE => PrefixUtf16LE,
        ByteForm.Utf16BE => PrefixUtf16BE,
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    /// <inheritdoc />
    public override string ToString() => Id;
}
