using System.Security.Cryptography;
using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Decoding;

/// <summary>
/// What real trees are full of and what looks encoded gives no finding: base64 images, integrity
/// hashes, keys, JWTs, hex digests and LFS pointers. Random bytes are the worst case for a decoder
/// (every anchor occurs by chance), so megabytes of them are decoded here.
/// </summary>
[TestClass]
public sealed class PrecisionTests
{
    private static int Count(string text) =>
        new ContentScanner(LayerOptions.Default).Scan(new MemoryContent(Encoding.UTF8.GetBytes(text))).Tokens.Count;

    [TestMethod]
    public void RandomBase64AndHexGiveNoFinding()
    {
        var random = new Random(20261202);
        var text = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            byte[] bytes = new byte[random.Next(16, 20_000)];
            random.NextBytes(bytes);
            string base64 = Convert.ToBase64String(bytes);
            text.Append("\"image/png\": \"").Append(base64).Append("\",\n");
            text.Append("-----BEGIN PUBLIC KEY-----\n");
            for (int k = 0; k < Math.Min(base64.Length, 2000); k += 64)
            {
                text.Append(base64, k, Math.Min(64, base64.Length - k)).Append('\n');
            }

            text.Append("integrity: sha512-").Append(Convert.ToBase64String(SHA512.HashData(bytes))).Append('\n');
            text.Append("sha256 ").Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n');
            text.Append(Convert.ToHexStringLower(bytes.AsSpan(0, Math.Min(bytes.Length, 500)))).Append('\n');
            text.Append("eyJhbGciOiJIUzI1NiJ9.").Append(Convert.ToBase64String(bytes.AsSpan(0, Math.Min(bytes.Length, 48))).TrimEnd('=')).Append('.').Append(Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=')).Append('\n');
            text.Append("version https://git-lfs.github.com/spec/v1\noid sha256:").Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append("\nsize ").Append(bytes.Length).Append('\n');
        }

        Assert.AreEqual(0, Count(text.ToString()));
    }
}
