using System.Buffers.Binary;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Packs;

namespace HfSecretScan.Git.Tests.Objects;

/// <summary>Inputs that crashed a fuzz target (tests/HfSecretScan.Fuzz), built here: each is now the parser's documented problem.</summary>
[TestClass]
public sealed class FuzzRegressionTests
{
    /// <summary>Target pack-index: a large offset with its top bit set threw <see cref="OverflowException"/>, which the object store did not catch.</summary>
    [TestMethod]
    public void A_pack_index_large_offset_beyond_any_file_is_an_unreadable_index()
    {
        using var folder = new TempFolder();
        string packFolder = Path.Combine(folder.Path, "objects", "pack");
        Directory.CreateDirectory(packFolder);
        string idx = Path.Combine(packFolder, "pack-fuzz.idx");
        File.WriteAllBytes(idx, IndexOfOneObjectAt(0x8000_0000_0000_0000));

        var e = Assert.ThrowsExactly<InvalidDataException>(() => PackIndex.Read(idx));
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(folder.Path, problems);

        StringAssert.Contains(e.Message, "beyond any file");
        Assert.AreEqual(ProblemKind.CorruptObject, problems.Single().Kind);
        Assert.IsEmpty(store.Packs);
    }

    /// <summary>Target pack: a zlib header asking for a preset dictionary threw <see cref="System.IO.Compression.ZLibException"/>, an object named by nothing.</summary>
    [TestMethod]
    public void A_pack_entry_whose_zlib_stream_needs_a_dictionary_is_corrupt()
    {
        using var folder = new TempFolder();
        new HandMadeObjects(folder.Path).CompressedEntry(1, 3, 5, WithPresetDictionary(HandMadeObjects.Zlib("hello"u8.ToArray()))).WritePack();
        string sha = HandMadeObjects.Sha(HandMadeObjects.Id(1));

        var e = ReadCorrupt(folder, sha);

        Assert.AreEqual(sha, e.ObjectId);
    }

    /// <summary>Target loose: the same zlib header in a loose object threw <see cref="System.IO.Compression.ZLibException"/> from its header.</summary>
    [TestMethod]
    public void A_loose_object_whose_zlib_stream_needs_a_dictionary_is_corrupt()
    {
        using var folder = new TempFolder();
        var objects = new HandMadeObjects(folder.Path);
        string sha = objects.Loose("blob 5", "hello"u8.ToArray(), 1);
        string path = LooseObject.PathOf(objects.ObjectFolder, sha);
        File.WriteAllBytes(path, WithPresetDictionary(File.ReadAllBytes(path)));

        var e = ReadCorrupt(folder, sha);

        Assert.AreEqual(sha, e.ObjectId);
        StringAssert.Contains(e.Message, "zlib stream is corrupt");
    }

    private static CorruptObjectException ReadCorrupt(TempFolder folder, string sha)
    {
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(folder.Path, problems);
        var reader = new ObjectReader(store, 1 << 20);
        return Assert.ThrowsExactly<CorruptObjectException>(() => reader.TryRead(RawId.Parse(sha)));
    }

    /// <summary>The zlib stream with FDICT set in its header (0x78 0xBB passes the header check) and a dictionary id.</summary>
    private static byte[] WithPresetDictionary(byte[] zlib) => [0x78, 0xBB, 0, 0, 0, 1, .. zlib.AsSpan(2)];

    /// <summary>A version 2 index of one object whose offset is in the large-offset table.</summary>
    private static byte[] IndexOfOneObjectAt(ulong largeOffset)
    {
        var bytes = new byte[8 + 256 * 4 + 20 + 4 + 4 + 8 + 40];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0xff744f63);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8 + 255 * 4), 1);
        int names = 8 + 256 * 4;
        bytes.AsSpan(names, 20).Fill(0xff);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(names + 24), 0x8000_0000);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(names + 28), largeOffset);
        return bytes;
    }
}
