using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Storage.Staging;

/// <summary>One entry of a git index: a path at a merge stage, the blob (or gitlink commit) staged for it and its mode.</summary>
/// <param name="Path">The path, relative to the top of the working tree, with forward slashes.</param>
/// <param name="Id">The staged object.</param>
/// <param name="Mode">The mode git records (<c>100644</c>, <c>100755</c>, <c>120000</c>, <c>160000</c> in octal).</param>
/// <param name="Stage">0, or 1 to 3 for the sides of an unresolved merge conflict.</param>
/// <param name="IntentToAdd">Added with <c>git add -N</c>: the path is known, no content is staged.</param>
internal readonly record struct GitIndexEntry(string Path, RawId Id, int Mode, int Stage, bool IntentToAdd);

/// <summary>
/// A git index file (<c>.git/index</c>, <c>DIRC</c> versions 2, 3 and 4) read straight from disk:
/// its entries in index order (by path bytes, then stage). The trailing SHA-1 is verified (an
/// all-zero one is git's <c>index.skipHash</c>), every length is checked against the file, and the
/// order is checked, so a damaged index is an <see cref="InvalidDataException"/>, never a wrong
/// answer. Optional extensions (upper-case signatures: the cache tree, resolve-undo, untracked
/// cache, ...) are skipped; the required ones this reader does not follow (a split index's
/// <c>link</c>, a sparse index's <c>sdir</c>) are a <see cref="NotSupportedException"/> naming them.
/// </summary>
internal static class GitIndex
{
    private const int HeaderLength = 12;
    private const int ChecksumLength = 20;

    // ctime, mtime, dev, ino, mode, uid, gid and size (4 bytes each), the id, then the 16-bit flags.
    private const int ModeOffset = 24;
    private const int IdOffset = 40;
    private const int FlagsOffset = 60;
    private const int FixedLength = 62;

    private const ushort ExtendedFlag = 0x4000;
    private const ushort IntentToAddFlag = 0x2000;

    /// <summary>The entries of the index at <paramref name="indexFile"/>; empty when there is no index (nothing staged yet).</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed index.</exception>
    /// <exception cref="NotSupportedException">It needs what this reader does not follow.</exception>
    /// <exception cref="IOException">It could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be read.</exception>
    public static List<GitIndexEntry> Read(string indexFile) =>
        File.Exists(indexFile) ? Parse(File.ReadAllBytes(indexFile)) : [];

    /// <summary>The entries of the index whose bytes are <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">It is not a well-formed index.</exception>
    /// <exception cref="NotSupportedException">It needs what this reader does not follow.</exception>
    public static List<GitIndexEntry> Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength + ChecksumLength || !data[..4].SequenceEqual("DIRC"u8))
        {
            throw new InvalidDataException("not a git index (no DIRC signature)");
        }

        VerifyChecksum(data);
        uint version = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (version is < 2 or > 4)
        {
            throw new NotSupportedException($"index version {version} (versions 2 to 4 are read)");
        }

        var body = data[..^ChecksumLength];
        uint count = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);

        // Even a version 4 entry takes more than 62 bytes: a count beyond that is a lie, and no list is sized by it.
        if (count > (uint)(body.Length - HeaderLength) / FixedLength)
        {
            throw new InvalidDataException($"index claims {count} entries, more than its {data.Length} bytes can hold");
        }

        var entries = new List<GitIndexEntry>((int)count);
        byte[] previous = [];
        int previousStage = 0;
        bool nameless = false;
        int offset = HeaderLength;
        for (int i = 0; i < count; i++)
        {
            int start = offset;
            Need(body, start, FixedLength, i);
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(body[(start + FlagsOffset)..]);
            bool extended = (flags & ExtendedFlag) != 0;
            if (extended && version < 3)
            {
                throw new InvalidDataException($"index entry {i} has extended flags in a version 2 index");
            }

            ushort extendedFlags = 0;
            offset = start + FixedLength;
            if (extended)
            {
                Need(body, offset, 2, i);
                extendedFlags = BinaryPrimitives.ReadUInt16BigEndian(body[offset..]);
                offset += 2;
            }

            byte[] path;
            if (version == 4)
            {
                // Path compression: drop N bytes from the end of the previous path, then a NUL-terminated suffix; no padding.
                ulong strip = ReadVarint(body, ref offset, i);
                int nul = body[offset..].IndexOf((byte)0);
                if (strip > (ulong)previous.Length || nul < 0)
                {
                    throw new InvalidDataException($"index entry {i} has a malformed compressed path");
                }

                path = [.. previous.AsSpan(0, previous.Length - (int)strip), .. body.Slice(offset, nul)];
                offset += nul + 1;
            }
            else
            {
                int nul = body[offset..].IndexOf((byte)0);
                if (nul < 0)
                {
                    throw new InvalidDataException($"index entry {i} has an unterminated path");
                }

                path = body.Slice(offset, nul).ToArray();

                // NUL padding to a multiple of 8 bytes, at least one.
                offset = start + ((offset + nul - start + 8) & ~7);
                if (offset > body.Length)
                {
                    throw new InvalidDataException($"index entry {i} runs past the end of the index");
                }
            }

            if (path.Length == 0)
            {
                // A split index's entry that replaces one of the shared index: only its link extension, below, says so.
                nameless = true;
                previous = path;
                continue;
            }

            int stage = (flags >> 12) & 3;
            int order = entries.Count == 0 ? 1 : path.AsSpan().SequenceCompareTo(previous);
            if (order < 0 || (order == 0 && stage <= previousStage))
            {
                throw new InvalidDataException($"index entry {i} is out of order");
            }

            int mode = BinaryPrimitives.ReadInt32BigEndian(body[(start + ModeOffset)..]);
            entries.Add(new GitIndexEntry(Encoding.UTF8.GetString(path), new RawId(body[(start + IdOffset)..]), mode, stage, (extendedFlags & IntentToAddFlag) != 0));
            previous = path;
            previousStage = stage;
        }

        SkipExtensions(body, offset);
        return nameless ? throw new InvalidDataException("index has an entry without a path") : entries;
    }

    /// <summary>git's offset varint (varint.c): each continuation adds one before shifting.</summary>
    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int offset, int entry)
    {
        ulong value = 0;
        for (int length = 0; length < 9; length++)
        {
            Need(data, offset, 1, entry);
            byte c = data[offset++];
            value = length == 0 ? c & 127u : ((value + 1) << 7) | (c & 127u);
            if ((c & 128) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException($"index entry {entry} has an overlong varint");
    }

    /// <summary>Walks the extensions between the entries and the checksum: each a signature, a 32-bit length and that many bytes.</summary>
    private static void SkipExtensions(ReadOnlySpan<byte> body, int offset)
    {
        while (offset < body.Length)
        {
            if (body.Length - offset < 8)
            {
                throw new InvalidDataException("index has a truncated extension header");
            }

            var signature = body.Slice(offset, 4);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(body[(offset + 4)..]);
            if (length > (uint)(body.Length - offset - 8))
            {
                throw new InvalidDataException($"index extension {Encoding.ASCII.GetString(signature)} runs past the end of the index");
            }

            // git: an extension whose signature starts with A to Z is optional, any other must be understood.
            if (signature[0] is < (byte)'A' or > (byte)'Z')
            {
                string name = Encoding.ASCII.GetString(signature);
                throw new NotSupportedException(name switch
                {
                    "link" => "a split index (core.splitIndex); `git update-index --no-split-index` makes it whole",
                    "sdir" => "a sparse index (index.sparse); `git sparse-checkout set --no-sparse-index` expands it",
                    _ => $"the index extension '{name}'",
                });
            }

            offset += 8 + (int)length;
        }
    }

    private static void VerifyChecksum(ReadOnlySpan<byte> data)
    {
        var stored = data[^ChecksumLength..];
        if (!stored.ContainsAnyExcept((byte)0))
        {
            return; // index.skipHash: git writes no checksum.
        }

        Span<byte> actual = stackalloc byte[ChecksumLength];
#pragma warning disable CA5350 // SHA-1 is git's checksum of the index, not a security measure here.
        SHA1.HashData(data[..^ChecksumLength], actual);
#pragma warning restore CA5350
        if (!actual.SequenceEqual(stored))
        {
            throw new InvalidDataException("index checksum does not match its content");
        }
    }

    private static void Need(ReadOnlySpan<byte> data, int offset, int length, int entry)
    {
        if (offset > data.Length - length)
        {
            throw new InvalidDataException($"index entry {entry} runs past the end of the index");
        }
    }
}
