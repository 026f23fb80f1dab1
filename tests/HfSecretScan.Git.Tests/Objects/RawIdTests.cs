using System.Security.Cryptography;
using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Tests.Objects;

[TestClass]
public sealed class RawIdTests
{
    [TestMethod]
    public void Ids_sort_as_their_hex_strings_do()
    {
        var ids = Enumerable.Range(0, 2_000).Select(n => new RawId(SHA256.HashData(BitConverter.GetBytes(n)))).ToList();
        // Ids that differ only in their last bytes, or only in their middle ones.
        var shared = new byte[RawId.Length];
        for (int at = 0; at < RawId.Length; at++)
        {
            shared[at] = 0xFF;
            ids.Add(new RawId(shared));
            shared[at] = 0x01;
            ids.Add(new RawId(shared));
            shared[at] = 0;
        }

        CollectionAssert.AreEqual(
            ids.Select(i => i.Sha).Order(StringComparer.Ordinal).ToList(),
            ids.Order().Select(i => i.Sha).ToList());
    }
}
