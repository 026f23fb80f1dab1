namespace HfSecretScan.Pipeline;

/// <summary>
/// Something that yields contents to scan (a working tree, standard input, the index, git history)
/// into a <see cref="ScanSink"/>. A source reads and names contents; detection, counting and
/// suppression are the pipeline's.
/// </summary>
public interface IScanSource
{
    /// <summary>Delivers every content of the source to <paramref name="sink"/>.</summary>
    /// <exception cref="InputException">The source as a whole cannot be opened (no repository there, a bad revision): bad input, not a bug.</exception>
    Task ScanAsync(ScanSink sink, CancellationToken cancellationToken);
}

/// <summary>
/// What the user asked for cannot be done at all (no repository there, a revision that names no
/// commit, malformed hook input): bad input, not a bug, so hosts show one line and exit 2, never a
/// stack trace. Anything a scan can go on without is a <see cref="Findings.ScanProblem"/> instead.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InputException()
    {
    }
}
