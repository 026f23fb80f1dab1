using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Packs;
using LibGit2Sharp;

namespace HfSecretScan.Git.Tests.Objects;

[TestClass]
public sealed class DeltaBaseCacheTests
{
    [TestMethod]
    public void An_evicted_objects_buffer_is_reused_for_the_next_object_of_its_size()
    {
        var cache = new DeltaBaseCache(capacityBytes: 64 << 10);
        var first = cache.Rent(10_000);
        Assert.HasCount(16 << 10, first, "sizes round up to a power of two");
        Assert.IsTrue(cache.TryAdd(0, 12, new RawObject(RawObjectType.Blob, first, 10_000)));
        for (int i = 1; i <= 4; i++)
        {
            Assert.IsTrue(cache.TryAdd(0, 12 + i, new RawObject(RawObjectType.Blob, cache.Rent(10_000), 10_000)));
        }

        Assert.IsFalse(cache.TryGet(0, 12, out _), "the oldest object was evicted (5 x 16 KiB > 64 KiB)");
        Assert.AreSame(first, cache.Rent(12_000), "its buffer comes back for the next object of that size");
        Assert.AreNotSame(first, cache.Rent(12_000));
    }

    [TestMethod]
    public void An_object_larger_than_a_quarter_of_the_cache_is_not_kept()
    {
        var cache = new DeltaBaseCache(capacityBytes: 64 << 10);
        var large = cache.Rent(20_000);
        Assert.IsFalse(cache.TryAdd(0, 12, new RawObject(RawObjectType.Blob, large, 20_000)));
        Assert.IsFalse(cache.TryGet(0, 12, out _));
    }
}
