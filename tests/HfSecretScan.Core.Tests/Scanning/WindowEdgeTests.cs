using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Scanning;

/// <summary>
/// A token at every offset around the window edges, for each text layout and both a small
/// window (edges are cheap) and the default one.
/// </summary>
[TestClass]
public sealed class WindowEdgeTests
{
    private const int SmallWindow = 8192;
    private const int LineLength = 100;

    private static readonly TextLayout[] Layouts = [TextLayout.Utf8, TextLayout.Utf16LEBom, TextLayout.Utf16BEBom];

    /// <summary>Byte offsets where windows, the line locator's reads and the allow-comment reads start and end.</summary>
    private static IEnumerable<long> Edges(int windowSize)
    {
        int buffer = BufferSize(windowSize);
        return [windowSize, buffer, 2L * windowSize, 2L * buffer];
    }

    /// <summary>The scanner's buffer: also the size of the line locator's reads.</summary>
    private static int BufferSize(int windowSize) =>
        Math.Max(windowSize, ContentKind.SniffLength) + TokenMatcher.LookbehindBytes + TokenMatcher.LookaheadBytes;

    [TestMethod]
    [DataRow(SmallWindow, 120)]
    [DataRow(ContentScanner.DefaultWindowSize, 48)]
    public void FindsATokenAtEveryOffsetAroundEachEdge(int windowSize, int reach)
    {
        var scanner = new ContentScanner(windowSize);
        foreach (var layout in Layouts)
        {
            int unit = layout == TextLayout.Utf8 ? 1 : 2;
            int preamble = layout == TextLayout.Utf8 ? 0 : 2;
            var indexes = new SortedSet<int>();
            foreach (long edge in Edges(windowSize))
            {
                for (long b = edge - reach - (42 * unit); b <= edge + reach; b++)
                {
                    indexes.Add((int)((b - preamble) / unit));
                }
            }

            int length = indexes.Max + 200;
            char[] filler = new char[length];
            for (int i = 0; i < length; i++)
            {
                filler[i] = i % LineLength == LineLength - 1 ? '\n' : '.';
            }

            var encoding = TextLayouts.Encoding(layout);
            byte[] bytes = TextLayouts.Encode(new string(filler), layout);
            foreach (int index in indexes)
            {
                string token = index % 2 == 0 ? TestTokens.User(index) : TestTokens.Org(index);
                byte[] original = bytes.AsSpan(preamble + (index * unit), token.Length * unit).ToArray();
                encoding.GetBytes(token, bytes.AsSpan(preamble + (index * unit)));
                var scan = scanner.Scan(new MemoryContent(bytes));
                original.CopyTo(bytes.AsSpan(preamble + (index * unit)));

                // Lines are LineLength characters; the token overwrites only what follows its start.
                string expected = $"{token}@{(index / LineLength) + 1}:{(index % LineLength) + 1}";
                CollectionAssert.AreEqual(new[] { expected }, Scans.Describe(scan), $"{layout}, window {windowSize}, character {index}");
            }
        }
    }

    [TestMethod]
    public void RespectsBoundariesAtEveryOffsetAroundEachEdge()
    {
        var scanner = new ContentScanner(SmallWindow);
        foreach (var layout in Layouts)
        {
            int unit = layout == TextLayout.Utf8 ? 1 : 2;
            int preamble = layout == TextLayout.Utf8 ? 0 : 2;
            var encoding = TextLayouts.Encoding(layout);
            byte[] bytes = TextLayouts.Encode(new string(' ', (3 * SmallWindow / unit) + 400), layout);
            foreach (long edge in Edges(SmallWindow))
            {
                for (long b = edge - 130; b <= edge + 50; b += unit)
                {
                    int index = (int)((b - preamble) / unit);
                    foreach (string glued in new[] { "x" + TestTokens.User(index), TestTokens.User(index) + "_", "r" + TestTokens.Org(index), TestTokens.Org(index) + "9" })
                    {
                        byte[] original = bytes.AsSpan(preamble + (index * unit), glued.Length * unit).ToArray();
                        encoding.GetBytes(glued, bytes.AsSpan(preamble + (index * unit)));
                        var scan = scanner.Scan(new MemoryContent(bytes));
                        original.CopyTo(bytes.AsSpan(preamble + (index * unit)));
                        Assert.IsEmpty(scan.Tokens, $"{layout}: '{glued[..4]}…' at character {index}");
                    }
                }
            }
        }
    }

    [TestMethod]
    [DataRow(SmallWindow)]
    [DataRow(ContentScanner.DefaultWindowSize)]
    public void CountsACrLfSplitAcrossReadsAsOneLineEnd(int windowSize)
    {
        var scanner = new ContentScanner(windowSize);
        string token = TestTokens.User(77);
        foreach (var layout in TextLayouts.All)
        {
            int unit = layout is TextLayout.Utf16LEBom or TextLayout.Utf16BEBom ? 2 : 1;
            int preamble = layout switch { TextLayout.Utf8 => 0, TextLayout.Utf8Bom => 3, _ => 2 };
            foreach (long edge in new[] { preamble + BufferSize(windowSize), preamble + (2L * BufferSize(windowSize)) })
            {
                for (long b = edge - 4; b <= edge + 4; b++)
                {
                    int crIndex = (int)((b - preamble) / unit);
                    string text = new string('.', crIndex) + "\r\n" + token + "\r\rend " + token + "\r\n";
                    var scan = scanner.Scan(new MemoryContent(TextLayouts.Encode(text, layout)));
                    CollectionAssert.AreEqual(new[] { $"{token}@2:1", $"{token}@4:5" }, Scans.Describe(scan), $"{layout}, CR at character {crIndex}");
                }
            }
        }
    }
}
