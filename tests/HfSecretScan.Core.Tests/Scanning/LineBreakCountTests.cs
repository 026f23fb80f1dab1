using HfSecretScan.Scanning;

namespace HfSecretScan.Core.Tests.Scanning;

[TestClass]
public sealed class LineBreakCountTests
{
    [TestMethod]
    public void Counts_every_LF_and_tells_plain_ASCII_at_every_length_and_alignment()
    {
        var random = new Random(7);
        // Mostly printable text; some lengths long enough to cross the 255-block flush of the vector counts.
        foreach (int length in new[] { 0, 1, 31, 32, 33, 64, 100, 1000, 255 * 32, (255 * 64) + 17, 100_000 })
        {
            foreach (byte odd in new byte[] { (byte)'\n', (byte)'\r', (byte)'\t', 0x0D, 0x0E, 0x7F, 0x80, 0xC3, 0xFF, 0x00 })
            {
                var bytes = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    bytes[i] = (byte)random.Next(0x20, 0x7F);
                }

                // Plain first, then with one odd byte somewhere and a run of LFs.
                Check(bytes);
                if (length > 0)
                {
                    bytes[random.Next(length)] = odd;
                    for (int i = 0; i < length; i += random.Next(1, 300))
                    {
                        bytes[i] = (byte)'\n';
                    }

                    Check(bytes);
                }
            }
        }
    }

    private static void Check(byte[] bytes)
    {
        long expected = bytes.Count(b => b == '\n');
        bool expectedPlain = bytes.All(b => b is >= 0x0E and <= 0x7F);
        long counted = LineBreakCount.Count(bytes, out bool plain);
        Assert.AreEqual(expected, counted, $"LFs in {bytes.Length} bytes");
        Assert.AreEqual(expectedPlain, plain, $"plain, {bytes.Length} bytes");
    }
}
