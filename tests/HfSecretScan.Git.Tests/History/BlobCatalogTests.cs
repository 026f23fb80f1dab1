using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Tests.Objects;

namespace HfSecretScan.Git.Tests.History;

[TestClass]
public sealed class BlobCatalogTests
{
    [TestMethod]
    public void Lists_exactly_the_blobs_git_holds_each_once_in_pack_order_with_loose_ones_last()
    {
        var repo = PackedRepository.Shared;
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(Path.Combine(repo.Path, ".git"), problems);

        var blobs = BlobCatalog.InPackOrder(store, problems);

        Assert.IsEmpty(problems);
        var expected = repo.Git("cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("blob ", StringComparison.Ordinal))
            .Select(line => line[5..])
            .Order(StringComparer.Ordinal)
            .ToList();
        CollectionAssert.AreEqual(expected, blobs.Select(b => b.Id.Sha).Order(StringComparer.Ordinal).ToList(), "every blob once, whether whole, an offset delta, a reference delta or loose");
        Assert.IsTrue(blobs.Any(b => b.Location.IsLoose) && blobs.Any(b => !b.Location.IsLoose), "the repository has packed and loose blobs");

        var order = blobs.Select(b => (b.Location.IsLoose, b.Location.Pack, b.Location.Offset)).ToList();
        CollectionAssert.AreEqual(order.OrderBy(o => o.IsLoose).ThenBy(o => o.Pack).ThenBy(o => o.Offset).ToList(), order, "pack order, loose last");
    }

    [TestMethod]
    public void A_blob_in_two_packs_is_listed_once_from_the_pack_Locate_finds_it_in()
    {
        using var repo = PackedRepository.Create();
        repo.Git("repack", "-adq");
        // A second pack holding every object again, as an interrupted gc or a fetch can leave.
        string objects = repo.Git("rev-list", "--objects", "--all");
        var pack = ProcessRun.Run(repo.Path, "git", ["pack-objects", "-q", Path.Combine(".git", "objects", "pack", "pack")], input: objects);
        Assert.AreEqual(0, pack.ExitCode, pack.ToString());

        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(Path.Combine(repo.Path, ".git"), problems);
        Assert.HasCount(2, store.Packs);
        var blobs = BlobCatalog.InPackOrder(store, problems);

        Assert.IsEmpty(problems);
        Assert.AreEqual(blobs.Count, blobs.Select(b => b.Id).Distinct().Count(), "each blob once");
        foreach (var (id, location) in blobs)
        {
            Assert.AreEqual(store.Locate(RawId.From(id)), location, id.Sha);
        }
    }
}
