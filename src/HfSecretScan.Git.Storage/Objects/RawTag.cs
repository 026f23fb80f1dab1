using System.Text;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>What an annotated tag object points to, read from its <c>object</c> header line.</summary>
internal static class RawTag
{
    private static readonly byte[] ObjectHeader = Encoding.ASCII.GetBytes("object ");

    /// <summary>The id of the object the tag <paramref name="data"/> names.</summary>
    /// <exception cref="InvalidDataException">The tag does not start with an <c>object</c> line.</exception>
    public static RawId TargetOf(ReadOnlySpan<byte> data)
    {
        int hexLength = RawId.Length * 2;
        if (!data.StartsWith(ObjectHeader) || data.Length < ObjectHeader.Length + hexLength)
        {
            throw new InvalidDataException("tag without an object line");
        }

        try
        {
            return RawId.Parse(Encoding.ASCII.GetString(data.Slice(ObjectHeader.Length, hexLength)));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("tag whose object line is not an id", e);
        }
    }
}
