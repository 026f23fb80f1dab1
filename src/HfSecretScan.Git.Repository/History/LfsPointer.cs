using System.Buffers.Text;
using System.Text;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// A git LFS pointer: the small blob git-lfs commits in place of a large file, naming the real
/// content by its SHA-256. Only the form git-lfs writes is recognised (the version, oid and size
/// lines, nothing else), so any other blob, pointer-like or not, is scanned as it is.
/// </summary>
/// <param name="Oid">The object's SHA-256, 64 lowercase hex digits.</param>
/// <param name="Size">The object's size in bytes.</param>
internal sealed record LfsPointer(string Oid, long Size)
{
    /// <summary>A pointer is smaller than this; only blobs below it are looked at, so the blob walk pays nothing for the rest.</summary>
    public const int MaxLength = 1024;

    private const int OidLength = 64;

    private static ReadOnlySpan<byte> VersionLine => "version https://git-lfs.github.com/spec/v1\n"u8;

    private static ReadOnlySpan<byte> OidKey => "oid sha256:"u8;

    private static ReadOnlySpan<byte> SizeKey => "size "u8;

    /// <summary>Whether <paramref name="blob"/> is worth parsing: small and starting with the spec line.</summary>
    public static bool MayBe(ReadOnlySpan<byte> blob) => blob.Length < MaxLength && blob.StartsWith(VersionLine);

    /// <summary>The pointer <paramref name="blob"/> is, or null when it is not exactly one.</summary>
    public static LfsPointer? TryParse(ReadOnlySpan<byte> blob)
    {
        if (!MayBe(blob))
        {
            return null;
        }

        var rest = blob[VersionLine.Length..];
        if (!rest.StartsWith(OidKey) || rest.Length < OidKey.Length + OidLength + 1 || rest[OidKey.Length + OidLength] != (byte)'\n')
        {
            return null;
        }

        var oid = rest.Slice(OidKey.Length, OidLength);
        foreach (byte b in oid)
        {
            if (!char.IsAsciiHexDigitLower((char)b))
            {
                return null;
            }
        }

        rest = rest[(OidKey.Length + OidLength + 1)..];
        if (!rest.StartsWith(SizeKey) || rest[^1] != (byte)'\n')
        {
            return null;
        }

        var digits = rest[SizeKey.Length..^1];
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            || !Utf8Parser.TryParse(digits, out long size, out int consumed) || consumed != digits.Length)
        {
            return null;
        }

        return new LfsPointer(Encoding.ASCII.GetString(oid), size);
    }

    /// <summary>Where git-lfs keeps the object below <paramref name="lfsObjects"/> (<c>.git/lfs/objects</c>): <c>ab/cd/abcd…</c>.</summary>
    public string PathIn(string lfsObjects) => Path.Combine(lfsObjects, Oid[..2], Oid[2..4], Oid);

    /// <summary>The folder of git-lfs objects of the repository whose git folder is <paramref name="gitDirectory"/> (shared by its worktrees).</summary>
    public static string ObjectsFolder(string gitDirectory) =>
        Path.Combine(Storage.Objects.ObjectDirectories.CommonDirectory(gitDirectory), "lfs", "objects");
}
