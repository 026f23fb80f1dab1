using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Scanning;
using HfSecretScan.Suppression;

namespace HfSecretScan.Tests.Scanning;

/// <summary>
/// The shared line rules on their own, and the windowed and ranged locators agreeing on contents
/// that put a lone CR, a split CRLF, a final CR or an allow marker on their window and range edges.
/// </summary>
[TestClass]
public sealed class LineBreaksTests
{
    private const int Window = 8192;
    private const int RangeSize = 10_000;

    private static readonly LargeContentPolicy Split = new(Threshold: 0, RangeSize, Workers: 4);

    // What each locator reads at once; window edges of both lie at multiples of these from a line or range start.
    private static readonly int Buffer = Math.Max(Window, ContentKind.SniffLength) + WindowSearch.Context;

    private static readonly int MarkerOverlap = AllowComment.Overlap(ContentEncoding.Utf8);

    // Lone CR counted at the CR, CRLF at its LF: a CRLF whose LF is past the edge counts nothing yet.
    [TestMethod]
    [DataRow("a\rb", LineBreaks.NoneFollowing, 1L, 1)]
    [DataRow("a\r", (int)'\n', 0L, -1)]
    [DataRow("a\r", (int)'b', 1L, 1)]
    [DataRow("a\r", LineBreaks.NoneFollowing, 1L, 1)]
    [DataRow("\r\r\n\r", (int)'\n', 1L, 2)]
    [DataRow("\n\r", (int)'\n', 0L, 0)]
    public void LoneCarriageReturnsAndLastEndTakeTheByteAfterTheStretch(string text, int following, long lone, int lastEnd)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);

        Assert.AreEqual(lone, LineBreaks.LoneCarriageReturns(bytes, Array.IndexOf(bytes, (byte)'\r'), following));
        Assert.AreEqual(lastEnd, LineBreaks.LastEnd(bytes, following));
    }

    [TestMethod]
    public void ACrlfSplitByAWindowEdgeIsOneLineEnd()
    {
        var carry = default(LineBreaks.Carry);
        ReadOnlySpan<byte> first = "a\r"u8, second = "\nb"u8;

        Assert.AreEqual(1, LineBreaks.NextEnd(first, (byte)'\r', (byte)'\n'));
        Assert.AreEqual(2, carry.Past(first, 1, (byte)'\r', (byte)'\n'));
        Assert.AreEqual(1, carry.SkipCarried(second, (byte)'\n'));
        Assert.AreEqual(-1, LineBreaks.NextEnd(second[1..], (byte)'\r', (byte)'\n'));
    }

    [TestMethod]
    public void ALoneCrAtAWindowEdgeCarriesNothingIntoTheNextWindow()
    {
        var carry = default(LineBreaks.Carry);

        Assert.AreEqual(2, carry.Past("a\r"u8, 1, (byte)'\r', (byte)'\n'));
        Assert.AreEqual(0, carry.SkipCarried("b\n"u8, (byte)'\n'));
        Assert.AreEqual(0, carry.SkipCarried("\n"u8, (byte)'\n'), "the carry is spent by the first window after it");
    }

    [TestMethod]
    public void UnitsOfUtf16AreComparedInTheContentsByteOrder()
    {
        var carry = default(LineBreaks.Carry);
        ReadOnlySpan<char> bigEndian = ['\u6100', '\u0D00', '\u0A00', '\u6200'];

        Assert.AreEqual(1, LineBreaks.NextEnd(bigEndian, '\u0D00', '\u0A00'));
        Assert.AreEqual(3, carry.Past(bigEndian, 1, '\u0D00', '\u0A00'));
    }

    [TestMethod]
    [DataRow(ContentEncoding.Utf8)]
    [DataRow(ContentEncoding.Utf16LE)]
    [DataRow(ContentEncoding.Utf16BE)]
    public void FindsTheMarkerInEachEncodingOnlyWhereItStartsInTheWindowsOwnBytes(ContentEncoding encoding)
    {
        var text = encoding switch
        {
            ContentEncoding.Utf16LE => Encoding.Unicode,
            ContentEncoding.Utf16BE => Encoding.BigEndianUnicode,
            _ => Encoding.UTF8,
        };
        byte[] bytes = text.GetBytes("x = 1 # " + AllowComment.Marker + " ok");
        int at = text.GetByteCount("x = 1 # ");

        Assert.AreEqual(at, AllowComment.Find(bytes, 0, bytes.Length, encoding));
        Assert.AreEqual(at, AllowComment.Find(bytes, at, at + 1, encoding), "a marker may run on past the window's own bytes");
        Assert.AreEqual(-1, AllowComment.Find(bytes, 0, at, encoding));
        Assert.AreEqual(-1, AllowComment.Find(bytes, at + 1, bytes.Length, encoding));
        byte[] otherEncoding = (encoding == ContentEncoding.Utf8 ? Encoding.Unicode : Encoding.UTF8).GetBytes(AllowComment.Marker);
        Assert.AreEqual(-1, AllowComment.Find(otherEncoding, 0, otherEncoding.Length, encoding));
    }

    [TestMethod]
    public void BothLocatorsAgreeOnEveryLineEndAroundEveryEdge()
    {
        string before = TestTokens.User(11), after = TestTokens.Org(12);
        foreach (string lineEnd in new[] { "\r\n", "\r", "\n", "\r\r\n", "\n\r" })
        {
            // The first line end's first byte on each side of each edge, CR and LF split included.
            foreach (int edge in Edges())
            {
                for (int at = edge - 3; at <= edge + 2; at++)
                {
                    string head = before + " " + new string('x', at - before.Length - 1);
                    string text = head + lineEnd + "é " + after + " # " + AllowComment.Marker + lineEnd + "tail";
                    Agree(text, [before, after], [false, true], $"{Escape(lineEnd)} at {at}");
                }
            }
        }
    }

    [TestMethod]
    public void BothLocatorsAgreeWhenTheContentEndsInACr()
    {
        string token = TestTokens.User(13);
        foreach (int edge in Edges())
        {
            for (int at = edge - 2; at <= edge + 1; at++)
            {
                string text = new string('x', at - token.Length - 3) + "\r\r " + token + "\r";
                Agree(text, [token], [false], $"CR at {at}");
            }
        }
    }

    [TestMethod]
    public void BothLocatorsFindAMarkerThatAnEdgeCutsInTwo()
    {
        string token = TestTokens.User(14);
        foreach (int edge in Edges())
        {
            for (int at = edge - MarkerOverlap - 2; at <= edge + 1; at++)
            {
                string text = token + " " + new string('y', at - token.Length - 1) + AllowComment.Marker + "\nnext line";
                Agree(text, [token], [true], $"marker at {at}");
            }
        }
    }

    [TestMethod]
    [DataRow(TextLayout.Utf16LEBom)]
    [DataRow(TextLayout.Utf16BEBom)]
    public void TheWindowedLocatorFindsAUtf16MarkerThatAnEdgeCutsInTwo(TextLayout layout)
    {
        string token = TestTokens.Org(15);
        // In characters from the line's start, where the marker search's first window ends.
        int markerEdge = Buffer / 2;
        for (int at = markerEdge - AllowComment.Marker.Length - 1; at <= markerEdge + 1; at++)
        {
            string text = "a\r\n" + token + " " + new string('z', at - token.Length - 1) + AllowComment.Marker + "\rb";
            var scan = Scans.Text(text, layout, Window);

            CollectionAssert.AreEqual(Scans.Expected(text, token), Scans.Describe(scan), $"marker at {at}");
            Assert.IsTrue(scan.Tokens[0].Allowed, $"marker at {at}");
        }
    }

    /// <summary>Byte offsets of window and range edges from the content's start.</summary>
    private static int[] Edges() =>
    [
        Buffer - MarkerOverlap,
        Buffer,
        Buffer + WindowSearch.Context + RangeSize - MarkerOverlap - 1,
        Window + WindowSearch.Context + RangeSize,
        Window + WindowSearch.Context + (2 * RangeSize),
    ];

    private static void Agree(string text, string[] tokens, bool[] allowed, string message)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var windowed = new ContentScanner(Window).Scan(new MemoryContent(bytes));
        var ranged = new ContentScanner(Window, Split).Scan(new MemoryContent(bytes));

        CollectionAssert.AreEqual(Scans.Expected(text, tokens), Scans.Describe(windowed), message);
        CollectionAssert.AreEqual(Scans.Describe(windowed), Scans.Describe(ranged), message);
        CollectionAssert.AreEqual(allowed, windowed.Tokens.Select(t => t.Allowed).ToArray(), message);
        CollectionAssert.AreEqual(allowed, ranged.Tokens.Select(t => t.Allowed).ToArray(), message);
    }

    private static string Escape(string lineEnd) => lineEnd.Replace("\r", "CR", StringComparison.Ordinal).Replace("\n", "LF", StringComparison.Ordinal);
}
