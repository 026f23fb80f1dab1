namespace HfSecretScan.Findings;

/// <summary>Something that could not be scanned, and why. Any problem makes the scan incomplete.</summary>
/// <param name="Kind">What sort of failure it is, for code that must tell them apart.</param>
/// <param name="Path">The file, object or setting concerned.</param>
/// <param name="Message">What went wrong, in words a user can act on.</param>
public sealed record ScanProblem(ProblemKind Kind, string Path, string Message)
{
    /// <summary>The file, object or setting concerned; a file named after a token is redacted.</summary>
    public string Path { get; init; } = Secret.RedactAll(Path);

    /// <summary>What went wrong; a token quoted from the input (a parser error, say) is redacted.</summary>
    public string Message { get; init; } = Secret.RedactAll(Message);
}

/// <summary>The sorts of <see cref="ScanProblem"/>.</summary>
public enum ProblemKind
{
    /// <summary>A path named to scan does not exist.</summary>
    NotFound,

    /// <summary>A file or folder exists but could not be read (permissions, I/O, vanished mid-scan).</summary>
    Unreadable,

    /// <summary>A git object, pack or index is present but damaged.</summary>
    CorruptObject,

    /// <summary>A git object that something refers to is not in the object database.</summary>
    MissingObject,

    /// <summary>The project's configuration is broken and was ignored.</summary>
    Configuration,

    /// <summary>The baseline is broken or unreadable and was ignored.</summary>
    Baseline,

    /// <summary>An archive or compressed file is truncated, corrupt or encrypted, or names a member unsafely.</summary>
    Archive,

    /// <summary>A size, depth or time limit stopped the scan of something.</summary>
    Limit,

    /// <summary>A remote service could not be reached or answered nonsense.</summary>
    Network,

    /// <summary>Input given to the command (not a scanned file) was malformed.</summary>
    Input,
}
