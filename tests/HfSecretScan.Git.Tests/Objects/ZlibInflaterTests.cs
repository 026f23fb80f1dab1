using System.IO.Compression;
using HfSecretScan.Git.Storage.Packs;

namespace HfSecretScan.Git.Tests.Objects;

[TestClass]
public sealed class ZlibInflaterTests
{
    [TestMethod]
    public void The_runtimes_zlib_shim_is_called_here()
    {
        Assert.IsTrue(ZlibInflater.Available, "every .NET runtime on Linux ships System.IO.Compression.Native");
    }

    [TestMethod]
    public void Streams_of_every_size_inflate_to_what_they_hold_one_after_another_on_reused_states()
    {
        var random = new Random(7);
        foreach (int length in new[] { 0, 1, 37, 4096, 70_000, 3, 300_000, 12 })
        {
            var data = Compressible(random, length);
            var destination = new byte[length];
            int written = ZlibInflater.Inflate(Deflate(data), destination, out bool more);
            Assert.AreEqual(length, written);
            Assert.IsFalse(more);
            CollectionAssert.AreEqual(data, destination, $"{length} bytes");
        }
    }

    [TestMethod]
    public void A_destination_shorter_than_the_stream_is_filled_and_more_is_said()
    {
        var data = Compressible(new Random(1), 1000);
        var destination = new byte[999];
        int written = ZlibInflater.Inflate(Deflate(data), destination, out bool more);
        Assert.AreEqual(999, written);
        Assert.IsTrue(more);
        CollectionAssert.AreEqual(data[..999], destination);
    }

    [TestMethod]
    public void A_stream_cut_short_writes_what_it_holds_and_one_without_its_checksum_counts_as_whole()
    {
        var data = Compressible(new Random(2), 5000);
        var compressed = Deflate(data);

        int cut = ZlibInflater.Inflate(compressed.AsSpan(0, compressed.Length / 2), new byte[5000], out bool more);
        Assert.IsLessThan(5000, cut);
        Assert.IsFalse(more);

        var destination = new byte[5000];
        Assert.AreEqual(5000, ZlibInflater.Inflate(compressed.AsSpan(0, compressed.Length - 4), destination, out more), "the adler-32 checksum is the last four bytes");
        Assert.IsFalse(more);
        CollectionAssert.AreEqual(data, destination);
    }

    [TestMethod]
    public void Bytes_that_are_not_zlib_are_an_invalid_data_error_and_the_state_serves_again()
    {
        var junk = new byte[64];
        new Random(3).NextBytes(junk);
        junk[0] = 0x78;
        junk[1] = 0x01; // a valid header (0x7801 is a multiple of 31), then junk
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ZlibInflater.Inflate(junk, new byte[4096], out _));
        StringAssert.StartsWith(error.Message, "not valid zlib data");
        Assert.ThrowsExactly<InvalidDataException>(() => ZlibInflater.Inflate([0x12, 0x34, 0x56], new byte[10], out _), "not a zlib header");

        var data = Compressible(new Random(4), 2000);
        var destination = new byte[2000];
        Assert.AreEqual(2000, ZlibInflater.Inflate(Deflate(data), destination, out _));
        CollectionAssert.AreEqual(data, destination);
    }

    [TestMethod]
    public void Threads_at_once_each_get_a_state_of_their_own()
    {
        var inputs = Enumerable.Range(0, 64).Select(i => Compressible(new Random(i), 1000 + (i * 997))).ToArray();
        var compressed = inputs.Select(Deflate).ToArray();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int which = i % inputs.Length;
            var destination = new byte[inputs[which].Length];
            Assert.AreEqual(destination.Length, ZlibInflater.Inflate(compressed[which], destination, out _));
            Assert.IsTrue(destination.AsSpan().SequenceEqual(inputs[which]), $"input {which}");
        });
    }

    private static byte[] Compressible(Random random, int length)
    {
        var words = new[] { "tree ", "blob ", "100644 ", "README.md\0", "src/", "hf-scan " };
        var bytes = new byte[length];
        for (int at = 0; at < length;)
        {
            if (random.Next(4) == 0)
            {
                bytes[at++] = (byte)random.Next(256);
                continue;
            }

            foreach (char c in words[random.Next(words.Length)])
            {
                if (at < length)
                {
                    bytes[at++] = (byte)c;
                }
            }
        }

        return bytes;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
