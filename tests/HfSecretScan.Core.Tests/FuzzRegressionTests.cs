using System.IO.Compression;
using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Scanning;
using static HfSecretScan.Tests.Archives;

namespace HfSecretScan.Tests;

/// <summary>Inputs that crashed a fuzz target (tests/HfSecretScan.Fuzz), built here: each is now a container problem and the scan goes on.</summary>
[TestClass]
public sealed class FuzzRegressionTests
{
    /// <summary>
    /// Targets zip and zip-forward: a member whose method says LZMA but that has no LZMA properties
    /// made SharpCompress throw <see cref="ArgumentException"/>, which no reader caught.
    /// </summary>
    [TestMethod]
    public void A_zip_member_that_says_lzma_without_its_properties_is_a_problem()
    {
        string token = TestTokens.User(71);
        // Stored, so the member's bytes are its data: LZMA's header (version 9.20, 2 bytes of properties where LZMA has 5).
        byte[] lzmaHeader = [9, 20, 2, 0, 0x5d, 0, 0, 0, 0, 0];
        byte[] zip = Zip(CompressionLevel.NoCompression, ("a.txt", lzmaHeader), ("b.txt", Encoding.UTF8.GetBytes("key = " + token + "\n")));
        zip[8] = 14; // The first local header's method: LZMA.
        int centralDirectory = zip.AsSpan().IndexOf("PK\u0001\u0002"u8);
        byte[] truncated = zip[..centralDirectory]; // Read forward, from the local headers.

        var scan = new ContentScanner(LayerOptions.Default).Scan(new MemoryContent(truncated));

        var problem = scan.Problems.Single(p => p.InnerPath == "a.txt");
        StringAssert.Contains(problem.Message, "LZMA");
        Assert.AreEqual(token, scan.Tokens.Single().Token.Value);
    }
}
