using System.Text;
using CsCheck;
using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Scanning;

/// <summary>
/// Random text with tokens inserted at random places yields exactly those tokens at exactly those
/// lines and columns. The filler has no '_' (so it never forms a token) and tokens are set off by
/// characters that never glue to them.
/// </summary>
[TestClass]
public sealed class TokenPositionPropertyTests
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly Gen<string> Filler =
        Gen.OneOf("a", "Z", "9", "h", "f", "api", "org", " ", ".", ",", "\t", "\n", "\r\n", "\r", "é", "中", "😀", "🤗x", "\"", "=", ":", "/", "-", "{", "}")
            .Array[0, 30]
            .Select(parts => string.Concat(parts));

    private static readonly Gen<string> Padding =
        Gen.Int[0, 12_000].Select(n => n == 0 ? string.Empty : new string('.', n - 1) + "\n");

    private static readonly Gen<string> LeftSeparator = Gen.OneOf(" ", "\n", "\r", "\"", "'", "=", "(", "\t", "/", ":", "é", "😀", "\\n", "\\t", "\\\"", "\\r\\n");

    private static readonly Gen<string> RightSeparator = Gen.OneOf(" ", "\n", "\r\n", "\"", "'", ",", ")", ";", "<", "&", "\\n", "é", "😀", "-", ".");

    private static readonly Gen<string> Token =
        Gen.Select(
            Gen.Bool,
            Gen.Char[Alphanumerics].Array[34].Select(c => new string(c)).Where(body => !PlaceholderFilter.IsPlaceholder(body)),
            (org, body) => (org ? TestTokens.OrgPrefix : TestTokens.UserPrefix) + body);

    private static readonly Gen<(string Text, (string Token, int Index)[] Tokens)> Document =
        Gen.Select(Padding, Filler, Gen.Select(LeftSeparator, Token, RightSeparator, Filler).Array[0, 8])
            .Select(parts =>
            {
                var (padding, head, pieces) = parts;
                var sb = new StringBuilder(padding).Append(head);
                var tokens = new List<(string, int)>();
                foreach (var (left, token, right, filler) in pieces)
                {
                    sb.Append(left);
                    tokens.Add((token, sb.Length));
                    sb.Append(token).Append(right).Append(filler);
                }

                return (sb.ToString(), tokens.ToArray());
            });

    [TestMethod]
    [DataRow(TextLayout.Utf8)]
    [DataRow(TextLayout.Utf8Bom)]
    [DataRow(TextLayout.Utf16LEBom)]
    [DataRow(TextLayout.Utf16BEBom)]
    public void FindsExactlyTheInsertedTokensAtTheirPositions(TextLayout layout)
    {
        Check(new ContentScanner(windowSize: 8192), layout);
    }

    /// <summary>
    /// The same documents split into ranges of 9,000 bytes searched and located on three threads,
    /// so range edges fall everywhere: inside tokens, CRLFs, UTF-8 sequences and markers.
    /// </summary>
    [TestMethod]
    [DataRow(TextLayout.Utf8)]
    [DataRow(TextLayout.Utf8Bom)]
    [DataRow(TextLayout.Utf16LEBom)]
    public void FindsTheSamePositionsWhenTheContentIsSplitIntoRanges(TextLayout layout)
    {
        Check(new ContentScanner(8192, new LargeContentPolicy(Threshold: 0, RangeSize: 9000, Workers: 3)), layout);
    }

    private static void Check(ContentScanner scanner, TextLayout layout)
    {
        Document.Sample(
            document =>
            {
                var (text, tokens) = document;
                byte[] bytes = TextLayouts.Encode(text, layout);
                string[] expected = [.. tokens.Select(t =>
                {
                    var (line, column) = TextLayouts.Position(text, t.Index);
                    return $"{t.Token}@{line}:{column}@{TextLayouts.ByteOffset(text, t.Index, layout)}";
                })];
                var scan = scanner.Scan(new MemoryContent(bytes));
                string[] actual = [.. scan.Tokens.Select(t => $"{t.Token.Value}@{t.Line}:{t.Column}@{t.Token.Offset}")];
                CollectionAssert.AreEqual(expected, actual);
            },
            iter: 400,
            threads: 1,
            print: document => document.Text.Length + " characters, " + document.Tokens.Length + " tokens");
    }
}
