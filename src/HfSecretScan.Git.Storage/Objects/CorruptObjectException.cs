using System.IO.Compression;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// An object whose stored bytes contradict themselves (a size that lies, a zlib stream that
/// inflates past it, a delta chain that loops): git calls it corrupt, and so does the scan, naming
/// the object. An <see cref="IOException"/> (<see cref="InvalidDataException"/> is sealed), which
/// every reader of objects already reports as a problem with the object.
/// </summary>
public sealed class CorruptObjectException : IOException
{
    /// <summary>Creates the exception for the object <paramref name="objectId"/> (null when no index names it).</summary>
    public CorruptObjectException(string message, string? objectId)
        : base(message) => ObjectId = objectId;

    /// <summary>Creates the exception.</summary>
    public CorruptObjectException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CorruptObjectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CorruptObjectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The full id of the corrupt object, when it is known.</summary>
    public string? ObjectId { get; }

    /// <summary>
    /// The most an object of <paramref name="compressedLength"/> zlib bytes can inflate to: deflate
    /// never expands more than 1032 to 1, so a larger size field is a lie, and no buffer is sized by it.
    /// </summary>
    internal static long MaxInflatedLength(long compressedLength) => (compressedLength * 1032) + 1024;

    /// <summary>
    /// How <see cref="ZLibStream"/> says its bytes are not zlib: <see cref="InvalidDataException"/>
    /// for bad deflate data, its ZLibException (internal to System.IO.Compression, so known by name)
    /// for a header zlib refuses, such as one that asks for a preset dictionary.
    /// </summary>
    internal static bool IsInflateError(Exception e) =>
        e is InvalidDataException || (e is IOException && e.GetType().FullName == "System.IO.Compression.ZLibException");
}
