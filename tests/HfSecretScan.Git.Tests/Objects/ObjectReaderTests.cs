using System.Security.Cryptography;
using System.Text;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Packs;
using LibGit2Sharp;

namespace HfSecretScan.Git.Tests.Objects;

[TestClass]
public sealed class ObjectReaderTests
{
    [TestMethod]
    [DataRow(64L << 20, DisplayName = "with a delta base cache")]
    [DataRow(0L, DisplayName = "without a cache (every chain inflated from its end)")]
    public void Every_object_is_byte_identical_to_what_libgit2_reads(long cacheBytes)
    {
        var repo = PackedRepository.Shared;
        string gitDirectory = Path.Combine(repo.Path, ".git");
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(gitDirectory, problems);
        Assert.IsEmpty(problems);
        Assert.HasCount(2, store.Packs);
        var kinds = DeltaKinds(store);
        Assert.IsTrue(kinds.Contains(PackEntryKind.OffsetDelta) && kinds.Contains(PackEntryKind.ReferenceDelta), "both kinds of delta: " + string.Join(",", kinds));

        var ids = store.AllIds();
        int loose = ids.Count(id => store.Locate(id)!.Value.IsLoose);
        Assert.IsGreaterThan(0, loose, "some objects are loose");
        using var libgit2 = new Repository(gitDirectory);
        var reader = new ObjectReader(store, cacheBytes);
        int blobs = 0;
        foreach (var (id, location) in InPackOrderThenLoose(store, ids))
        {
            var read = reader.Read(location);
            var metadata = libgit2.ObjectDatabase.RetrieveObjectMetadata(id.ToObjectId());
            Assert.AreEqual(metadata.Type.ToString(), read.Type.ToString(), id.Sha);
            Assert.AreEqual(metadata.Size, read.Length, id.Sha);
            Assert.AreEqual(id.Sha, GitHash(read), "the bytes hash to the object's id");
            if (read.Type == RawObjectType.Blob)
            {
                using var stream = libgit2.Lookup<Blob>(id.ToObjectId()).GetContentStream();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                CollectionAssert.AreEqual(copy.ToArray(), read.Span.ToArray(), id.Sha);
                blobs++;
            }
        }

        Assert.IsGreaterThan(60, blobs);
    }

    [TestMethod]
    public void A_pack_many_header_windows_long_lists_every_blob_and_reads_small_and_large_entries_alike()
    {
        // Incompressible contents: 300 small blobs (read whole with their header) and 30 above
        // PackBytes.EntryLimit (header, then data) make a pack of several catalog windows.
        using var repo = TestRepository.Create();
        var random = new Random(11);
        for (int i = 0; i < 330; i++)
        {
            var bytes = new byte[i < 300 ? 3_000 + i : PackBytes.EntryLimit + 1_000 * i];
            random.NextBytes(bytes);
            repo.Write($"f{i}.bin", bytes);
        }

        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "many");
        repo.Git("repack", "-adq");
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(Path.Combine(repo.Path, ".git"), problems);
        Assert.IsGreaterThan(4L * PackBytes.WindowLength, new FileInfo(store.Packs[0].PackPath).Length);

        var listed = Repositories.History.BlobCatalog.InPackOrder(store, problems);

        Assert.IsEmpty(problems);
        var expected = repo.Git("cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("blob ", StringComparison.Ordinal)).Select(l => l[5..]).Order().ToArray();
        CollectionAssert.AreEqual(expected, listed.Select(b => b.Id.Sha).Order().ToArray());
        var reader = new ObjectReader(store, 1 << 20);
        foreach (var (id, location) in listed)
        {
            Assert.AreEqual(id.Sha, GitHash(reader.Read(location)), "read back byte for byte");
        }
    }

    [TestMethod]
    public void A_blob_above_the_streaming_threshold_is_scanned_while_it_inflates()
    {
        using var repo = TestRepository.Create();
        var big = new byte[ObjectReader.StreamingThreshold + 3_000_000];
        new Random(5).NextBytes(big);
        byte[] token = Encoding.ASCII.GetBytes(HfSecretScan.Tests.TestTokens.User(40));
        token.CopyTo(big, big.Length - 1_000_000);
        big[big.Length - 1_000_001] = 0;
        big[big.Length - 1_000_000 + token.Length] = 0;
        repo.Write("model.bin", big);
        // Random bytes do not compress: level 0 writes the stored deflate blocks level 6 would end up
        // with, without git spending seconds trying to compress 67 MB twice.
        repo.Git("-c", "core.compression=0", "add", "model.bin");
        repo.Git("commit", "-q", "-m", "big");
        string id = repo.Git("rev-parse", "HEAD:model.bin");
        var store = ObjectStore.Open(Path.Combine(repo.Path, ".git"), new List<ScanProblem>());

        foreach (bool packed in new[] { false, true })
        {
            if (packed)
            {
                repo.Git("-c", "core.compression=0", "repack", "-adq");
                store.Dispose();
                store = ObjectStore.Open(Path.Combine(repo.Path, ".git"), new List<ScanProblem>());
            }

            var reader = new ObjectReader(store, 1 << 20);
            var content = reader.OpenBlob(store.Locate(RawId.Parse(id))!.Value);
            Assert.IsInstanceOfType<InflatingContent>(content, packed ? "packed" : "loose");
            var scan = new HfSecretScan.Scanning.ContentScanner().Scan(content);
            ((IDisposable)content).Dispose();
            Assert.AreEqual(big.LongLength, scan.Length);
            Assert.AreEqual(big.Length - 1_000_000L, scan.Tokens.Single().Token.Offset);
        }

        store.Dispose();
    }

    private static IEnumerable<(RawId Id, ObjectLocation Location)> InPackOrderThenLoose(ObjectStore store, HashSet<RawId> ids)
    {
        for (int pack = 0; pack < store.Packs.Count; pack++)
        {
            var index = store.Packs[pack];
            for (int rank = 0; rank < index.Count; rank++)
            {
                int position = index.PositionInPackOrder(rank);
                yield return (index.IdAt(position), new ObjectLocation(pack, index.OffsetAt(position), null));
            }
        }

        foreach (var id in ids)
        {
            if (store.Locate(id) is { IsLoose: true } loose)
            {
                yield return (id, loose);
            }
        }
    }

    private static HashSet<PackEntryKind> DeltaKinds(ObjectStore store)
    {
        var kinds = new HashSet<PackEntryKind>();
        foreach (var index in store.Packs)
        {
            using var file = PackFile.Open(index);
            for (int i = 0; i < index.Count; i++)
            {
                kinds.Add(file.ReadHeader(index.OffsetAt(i)).Kind);
            }
        }

        return kinds;
    }

    private static string GitHash(RawObject read)
    {
        string type = read.Type.ToString().ToLowerInvariant();
        byte[] header = Encoding.ASCII.GetBytes($"{type} {read.Length}\0");
#pragma warning disable CA5350 // git names objects by the SHA-1 of their header and content
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. read.Span]));
#pragma warning restore CA5350
    }
}
