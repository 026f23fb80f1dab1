
namespace HfSecretScan.Git.Storage.Objects;

/// <summary>An object's type and its whole inflated content (without git's <c>type size\0</c> header).</summary>
/// <param name="Type">Commit, tree, blob or tag.</param>
/// <param name="Buffer">Holds the content at its start; may be longer (a pooled buffer).</param>
/// <param name="Length">The content's length.</param>
internal readonly record struct RawObject(RawObjectType Type, byte[] Buffer, int Length)
{
    /// <summary>An object whose content is all of <paramref name="data"/>.</summary>
    public RawObject(RawObjectType type, byte[] data)
        : this(type, data, data.Length)
    {
    }

    /// <summary>The content.</summary>
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>The content.</summary>
    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);
}
