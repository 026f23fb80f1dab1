using System.Text;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Packs;

namespace HfSecretScan.Git.Tests.Objects;

/// <summary>Objects that lie about themselves, made by hand: each is corrupt, named by its id, and nothing is allocated by the lie.</summary>
[TestClass]
public sealed class HostileObjectTests
{
    private const int Blob = 3;
    private const int ReferenceDelta = 7;

    private static CorruptObjectException ReadCorrupt(TempFolder folder, string sha)
    {
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(folder.Path, problems);
        Assert.IsEmpty(problems);
        var reader = new ObjectReader(store, 1 << 20);
        return Assert.ThrowsExactly<CorruptObjectException>(() => reader.TryRead(RawId.Parse(sha)));
    }

    [TestMethod]
    [DataRow("blob 2", "hello", "inflates past the 2 bytes", DisplayName = "header smaller than the content")]
    [DataRow("blob 9", "hello", "ends after 5 bytes, its header says 9", DisplayName = "header larger than the content")]
    [DataRow("blob 1500000000", "hello", "more than its", DisplayName = "a size no such file can inflate to (never allocated)")]
    public void A_loose_object_whose_header_lies_about_its_size_is_corrupt(string header, string content, string why)
    {
        using var folder = new TempFolder();
        string sha = new HandMadeObjects(folder.Path).Loose(header, Encoding.ASCII.GetBytes(content), 1);

        var e = ReadCorrupt(folder, sha);

        Assert.AreEqual(sha, e.ObjectId);
        StringAssert.Contains(e.Message, why);
        StringAssert.Contains(e.Message, sha);
    }

    [TestMethod]
    [DataRow(2L, "inflates past the 2 bytes", DisplayName = "zlib stream inflates past the declared size")]
    [DataRow(1_500_000_000L, "more than its", DisplayName = "a declared size the compressed data cannot hold (never allocated)")]
    public void A_pack_entry_whose_size_lies_is_corrupt(long declared, string why)
    {
        using var folder = new TempFolder();
        var objects = new HandMadeObjects(folder.Path).Entry(1, Blob, declared, Encoding.ASCII.GetBytes("hello, more than declared"));
        objects.WritePack();
        string sha = HandMadeObjects.Sha(HandMadeObjects.Id(1));

        var e = ReadCorrupt(folder, sha);

        Assert.AreEqual(sha, e.ObjectId);
        StringAssert.Contains(e.Message, why);
    }

    [TestMethod]
    public void A_reference_delta_cycle_is_corrupt_not_a_hang()
    {
        using var folder = new TempFolder();
        byte[] delta = [5, 5, 0x90, 5];
        var objects = new HandMadeObjects(folder.Path)
            .Entry(1, ReferenceDelta, delta.Length, delta, baseId: HandMadeObjects.Id(2))
            .Entry(2, ReferenceDelta, delta.Length, delta, baseId: HandMadeObjects.Id(1));
        objects.WritePack();
        string sha = HandMadeObjects.Sha(HandMadeObjects.Id(1));

        var e = ReadCorrupt(folder, sha);

        StringAssert.Contains(e.Message, "delta cycle");
        Assert.AreEqual(sha, e.ObjectId);
    }

    [TestMethod]
    public void A_truncated_pack_is_corrupt_for_the_objects_it_lost()
    {
        using var folder = new TempFolder();
        var objects = new HandMadeObjects(folder.Path)
            .Entry(1, Blob, 5, Encoding.ASCII.GetBytes("hello"))
            .Entry(2, Blob, 4000, Encoding.ASCII.GetBytes(new string('x', 4000)));
        objects.WritePack();
        string pack = Path.Combine(objects.ObjectFolder, "pack", "pack-hand.pack");
        using (var file = File.OpenWrite(pack))
        {
            file.SetLength(file.Length - 30);
        }

        var e = ReadCorrupt(folder, HandMadeObjects.Sha(HandMadeObjects.Id(2)));

        Assert.AreEqual(HandMadeObjects.Sha(HandMadeObjects.Id(2)), e.ObjectId);
    }

    [TestMethod]
    public void A_delta_chain_thousands_deep_is_corrupt_not_a_stack_overflow()
    {
        using var folder = new TempFolder();
        byte[] delta = [5, 5, 0x90, 5];
        var objects = new HandMadeObjects(folder.Path);
        const int Depth = 10_001;
        for (int n = 1; n <= Depth; n++)
        {
            objects.Entry(n, ReferenceDelta, delta.Length, delta, baseId: HandMadeObjects.Id(n + 1));
        }

        objects.Entry(Depth + 1, Blob, 5, Encoding.ASCII.GetBytes("hello"));
        objects.WritePack();
        string sha = HandMadeObjects.Sha(HandMadeObjects.Id(1));

        var e = ReadCorrupt(folder, sha);

        Assert.AreEqual(sha, e.ObjectId);
        StringAssert.Contains(e.Message, "delta chain longer than 10000");
    }

    [TestMethod]
    public void A_delta_whose_result_size_lies_is_refused_before_anything_is_allocated()
    {
        // Base 5 bytes, result claimed 1 GiB, one copy of 5 bytes.
        byte[] delta = [5, 0x80, 0x80, 0x80, 0x80, 0x04, 0x90, 5];

        var e = Assert.ThrowsExactly<InvalidDataException>(() => DeltaPatch.ResultSize(delta, 5));

        StringAssert.Contains(e.Message, "its instructions produce 5");
    }

    [TestMethod]
    public void A_delta_that_copies_beyond_its_base_is_refused()
    {
        byte[] delta = [5, 10, 0x91, 3, 10];

        var e = Assert.ThrowsExactly<InvalidDataException>(() => DeltaPatch.ResultSize(delta, 5));

        StringAssert.Contains(e.Message, "beyond its base");
    }
}
