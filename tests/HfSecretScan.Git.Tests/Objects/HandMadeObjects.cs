using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace HfSecretScan.Git.Tests.Objects;

/// <summary>Writes git objects byte by byte, lies included, into an object folder: loose files, and a pack with its version 2 index.</summary>
internal sealed class HandMadeObjects(string gitDirectory)
{
    private readonly List<(byte[] Id, byte[] Entry)> _entries = [];

    public string ObjectFolder => Path.Combine(gitDirectory, "objects");

    public static byte[] Zlib(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }

#pragma warning disable CA5350 // git names objects by SHA-1; these ids only need to be distinct
    public static byte[] Id(int n) => SHA1.HashData(BitConverter.GetBytes(n));
#pragma warning restore CA5350

    public static string Sha(byte[] id) => Convert.ToHexStringLower(id);

    /// <summary>A loose object file holding <paramref name="header"/> and <paramref name="content"/>, zlib-compressed; returns its id.</summary>
    public string Loose(string header, byte[] content, int n)
    {
        string sha = Sha(Id(n));
        string path = Path.Combine(ObjectFolder, sha[..2], sha[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Zlib([.. Encoding.ASCII.GetBytes(header), 0, .. content]));
        return sha;
    }

    /// <summary>Adds a whole entry of <paramref name="kind"/> whose header says <paramref name="declaredSize"/> and whose zlib data is <paramref name="data"/>.</summary>
    public HandMadeObjects Entry(int n, int kind, long declaredSize, byte[] data, byte[]? baseId = null) =>
        CompressedEntry(n, kind, declaredSize, Zlib(data), baseId);

    /// <summary>Adds a whole entry whose data is <paramref name="zlib"/> as it is, zlib stream or not.</summary>
    public HandMadeObjects CompressedEntry(int n, int kind, long declaredSize, byte[] zlib, byte[]? baseId = null)
    {
        _entries.Add((Id(n), [.. EntryHeader(kind, declaredSize), .. baseId ?? [], .. zlib]));
        return this;
    }

    /// <summary>Writes the pack and its index.</summary>
    public void WritePack()
    {
        string folder = Path.Combine(ObjectFolder, "pack");
        Directory.CreateDirectory(folder);
        var pack = new List<byte>();
        pack.AddRange("PACK"u8.ToArray());
        pack.AddRange(BigEndian(2));
        pack.AddRange(BigEndian((uint)_entries.Count));
        var offsets = new Dictionary<string, uint>();
        foreach (var (id, entry) in _entries)
        {
            offsets[Sha(id)] = (uint)pack.Count;
            pack.AddRange(entry);
        }

#pragma warning disable CA5350 // a pack's trailer is the SHA-1 of its bytes
        pack.AddRange(SHA1.HashData(pack.ToArray()));
#pragma warning restore CA5350
        File.WriteAllBytes(Path.Combine(folder, "pack-hand.pack"), [.. pack]);

        var sorted = _entries.Select(e => e.Id).OrderBy(Sha, StringComparer.Ordinal).ToList();
        var index = new List<byte>();
        index.AddRange(new byte[] { 0xff, (byte)'t', (byte)'O', (byte)'c' });
        index.AddRange(BigEndian(2));
        for (int b = 0; b < 256; b++)
        {
            index.AddRange(BigEndian((uint)sorted.Count(id => id[0] <= b)));
        }

        sorted.ForEach(id => index.AddRange(id));
        sorted.ForEach(_ => index.AddRange(BigEndian(0)));
        sorted.ForEach(id => index.AddRange(BigEndian(offsets[Sha(id)])));
        index.AddRange(new byte[40]);
        File.WriteAllBytes(Path.Combine(folder, "pack-hand.idx"), [.. index]);
    }

    private static byte[] EntryHeader(int kind, long size)
    {
        var bytes = new List<byte>();
        byte first = (byte)((kind << 4) | (int)(size & 0x0f));
        size >>= 4;
        while (size > 0)
        {
            bytes.Add((byte)(first | 0x80));
            first = (byte)(size & 0x7f);
            size >>= 7;
        }

        bytes.Add(first);
        return [.. bytes];
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
