using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// A git object id (20 bytes of SHA-1) as a value: compared, hashed and stored without allocating.
/// LibGit2Sharp's <c>ObjectId</c> is a class that also formats its hex string when created,
/// which made a history walk allocate a few hundred bytes per tree entry; storage names objects by
/// this alone, and the repository side makes an <c>ObjectId</c> only where LibGit2Sharp needs one.
/// </summary>
internal readonly struct RawId : IEquatable<RawId>, IComparable<RawId>
{
    /// <summary>Bytes in an id.</summary>
    public const int Length = 20;

    private readonly ulong _first;
    private readonly ulong _second;
    private readonly uint _third;

    /// <summary>The id whose bytes are the first <see cref="Length"/> of <paramref name="bytes"/>.</summary>
    public RawId(ReadOnlySpan<byte> bytes)
    {
        _first = MemoryMarshal.Read<ulong>(bytes);
        _second = MemoryMarshal.Read<ulong>(bytes[8..]);
        _third = MemoryMarshal.Read<uint>(bytes[16..Length]);
    }

    /// <summary>The id as lower-case hex, as git prints it.</summary>
    public string Sha
    {
        get
        {
            Span<byte> bytes = stackalloc byte[Length];
            CopyTo(bytes);
            return Convert.ToHexStringLower(bytes);
        }
    }

    public static bool operator ==(RawId left, RawId right) => left.Equals(right);

    public static bool operator !=(RawId left, RawId right) => !left.Equals(right);

    /// <summary>The id whose lower- or upper-case hex is <paramref name="sha"/>.</summary>
    /// <exception cref="FormatException">It is not 40 hex digits.</exception>
    public static RawId Parse(ReadOnlySpan<char> sha)
    {
        Span<byte> bytes = stackalloc byte[Length];
        if (sha.Length != Length * 2 || Convert.FromHexString(sha, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            throw new FormatException($"'{sha}' is not a 40-digit hex object id");
        }

        return new RawId(bytes);
    }

    /// <summary>Writes the id's bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        MemoryMarshal.Write(destination, in _first);
        MemoryMarshal.Write(destination[8..], in _second);
        MemoryMarshal.Write(destination[16..], in _third);
    }

    public bool Equals(RawId other) => _first == other._first && _second == other._second && _third == other._third;

    public override bool Equals(object? obj) => obj is RawId other && Equals(other);

    /// <summary>Byte order, which is the order of the hex strings: no string is made to sort ids.</summary>
    public int CompareTo(RawId other)
    {
        int order = BigEndian(_first).CompareTo(BigEndian(other._first));
        if (order == 0)
        {
            order = BigEndian(_second).CompareTo(BigEndian(other._second));
        }

        return order != 0 ? order : BigEndian(_third).CompareTo(BigEndian(other._third));
    }

    // SHA-1 output is uniformly distributed: its first bytes are as good a hash as any.
    public override int GetHashCode() => (int)_first;

    public override string ToString() => Sha;

    private static ulong BigEndian(ulong value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;

    private static uint BigEndian(uint value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;
}
