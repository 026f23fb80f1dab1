using HfSecretScan.Containers;

namespace HfSecretScan.Scanning;

/// <summary>How far below a content's own bytes the engine looks: encodings decoded and containers opened.</summary>
public sealed record LayerOptions
{
    /// <summary>Encodings decoded in a chain by default (base64 of a JSON holding a base64 value is two).</summary>
    public const int DefaultMaxDecodeDepth = 2;

    /// <summary>Container levels opened by default (a whl in a zip in a tar.gz is four: gzip+tar count as one).</summary>
    public const int DefaultMaxArchiveDepth = 5;

    /// <summary>Decoding and containers on, with the default limits.</summary>
    public static LayerOptions Default { get; } = new();

    /// <summary>Neither decoding nor containers: only the bytes as they are.</summary>
    public static LayerOptions None { get; } = new() { MaxDecodeDepth = 0, MaxArchiveDepth = 0 };

    /// <summary>The most encodings in one chain; 0 turns decoding off.</summary>
    public int MaxDecodeDepth { get; init; } = DefaultMaxDecodeDepth;

    /// <summary>The most container levels opened; 0 turns containers off.</summary>
    public int MaxArchiveDepth { get; init; } = DefaultMaxArchiveDepth;

    /// <summary>Limits against decompression bombs and huge archives, per outer file.</summary>
    public ContainerLimits Limits { get; init; } = ContainerLimits.Default;
}
