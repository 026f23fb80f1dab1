using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Scanning;

/// <summary>
/// A large content is searched and located in ranges on several threads: tokens across range
/// edges, line ends and allow markers across them, and the same answer as the one-thread path.
/// </summary>
[TestClass]
public sealed class RangedScanTests
{
    private const int Window = 8192;
    private const int RangeSize = 10_000;

    private static readonly LargeContentPolicy Split = new(Threshold: 0, RangeSize, Workers: 4);

    [TestMethod]
    public void FindsATokenAtEveryOffsetAroundARangeEdgeOnOneLongLine()
    {
        string token = TestTokens.User(7);
        var split = new ContentScanner(Window, Split);
        // Ranges start after the first window's limit; cover the edges of the first two ranges.
        long firstLimit = Window + TokenMatcher.LookbehindBytes;
        foreach (long edge in new[] { firstLimit + RangeSize, firstLimit + (2L * RangeSize) })
        {
            for (long offset = edge - token.Length - 2; offset <= edge + 2; offset++)
            {
                byte[] bytes = Encoding.ASCII.GetBytes(new string('.', (int)offset) + token + " " + new string('.', 3 * RangeSize));
                var scan = split.Scan(new MemoryContent(bytes));
                CollectionAssert.AreEqual(new[] { $"{token}@1:{offset + 1}" }, Scans.Describe(scan), $"token at {offset}, edge {edge}");
            }
        }
    }

    [TestMethod]
    public void CountsLineEndsAndFindsMarkersAcrossRangeEdges()
    {
        string first = TestTokens.User(1), second = TestTokens.Org(2), third = TestTokens.User(3);
        var text = new StringBuilder();
        // Filler lines end in CRLF, LF and lone CR, with non-ASCII text, so every kind of line end
        // and UTF-8 sequence lands on some range edge.
        for (int i = 0; text.Length < 5 * RangeSize; i++)
        {
            text.Append("line ").Append(i).Append(" é😀 ").Append(new string('x', i % 97)).Append((i % 3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" });
        }

        text.Append("key = ").Append(first).Append(" # hf-scan:allow\n");
        text.Append(new string('y', 2 * RangeSize)).Append(" é ").Append(second).Append('\n');
        text.Append(new string('z', RangeSize - 7)).Append(' ').Append(third).Append(" hf-scan:allow").Append(new string('w', RangeSize));
        string content = text.ToString();
        byte[] bytes = Encoding.UTF8.GetBytes(content);

        var expected = new ContentScanner(Window).Scan(new MemoryContent(bytes));
        var actual = new ContentScanner(Window, Split).Scan(new MemoryContent(bytes));

        CollectionAssert.AreEqual(Scans.Expected(content, first, second, third), Scans.Describe(actual));
        CollectionAssert.AreEqual(Scans.Describe(expected), Scans.Describe(actual));
        CollectionAssert.AreEqual(new[] { true, false, true }, actual.Tokens.Select(t => t.Allowed).ToArray());
        Assert.AreEqual(bytes.Length, actual.Length);
    }

    [TestMethod]
    public void AFileReadInRangesGivesWhatOneThreadGives()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "large.txt");
        string token = TestTokens.Org(9);
        var text = new StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            text.Append(i % 500 == 7 ? "t = " + token + "\n" : "plain line " + i + "\n");
        }

        File.WriteAllText(path, text.ToString());
        ContentScan Scan(ContentScanner scanner)
        {
            using var content = FileContent.Open(path);
            return scanner.Scan(content);
        }

        var oneThread = Scan(new ContentScanner(Window, Split with { Workers = 1 }));
        var split = Scan(new ContentScanner(Window, Split));

        Assert.HasCount(6, split.Tokens);
        CollectionAssert.AreEqual(Scans.Describe(oneThread), Scans.Describe(split));
        Assert.AreEqual(new FileInfo(path).Length, split.Length);
    }
}
