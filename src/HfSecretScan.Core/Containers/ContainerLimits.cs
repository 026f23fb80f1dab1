namespace HfSecretScan.Containers;

/// <summary>
/// Bounds on what one outer file's containers may cost, against decompression bombs and archives
/// of millions of entries. A limit that trips is a problem naming the file and the limit; the rest
/// of the file and the scan go on.
/// </summary>
public sealed record ContainerLimits
{
    /// <summary>The default limits: generous for real packages, model archives and image tarballs, seconds for a bomb.</summary>
    public static ContainerLimits Default { get; } = new();

    /// <summary>Bytes inflated from all containers of one outer file together.</summary>
    public long MaxInflatedBytes { get; init; } = 1L << 30;

    /// <summary>Inflated bytes per compressed byte of one stream, checked once a stream has inflated <see cref="RatioGrace"/> bytes.</summary>
    public int MaxRatio { get; init; } = 250;

    /// <summary>Inflated bytes a stream may produce before its ratio is checked: small files compress far better than large ones.</summary>
    public long RatioGrace { get; init; } = 1L << 20;

    /// <summary>Entries read from one archive.</summary>
    public int MaxEntries { get; init; } = 100_000;

    /// <summary>Time spent in the containers of one outer file.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
