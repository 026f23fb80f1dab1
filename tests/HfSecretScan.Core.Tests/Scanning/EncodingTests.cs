using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Scanning;

[TestClass]
public sealed class EncodingTests
{
    private static readonly string User = TestTokens.User(201);
    private static readonly string Org = TestTokens.Org(202);

    [TestMethod]
    [DataRow(TextLayout.Utf8, ContentEncoding.Utf8, 0)]
    [DataRow(TextLayout.Utf8Bom, ContentEncoding.Utf8, 3)]
    [DataRow(TextLayout.Utf16LEBom, ContentEncoding.Utf16LE, 2)]
    [DataRow(TextLayout.Utf16BEBom, ContentEncoding.Utf16BE, 2)]
    public void ReadsEachTextEncodingAndCountsColumnsAfterTheBom(TextLayout layout, ContentEncoding encoding, int preamble)
    {
        string text = $"{User}\nx = \"{Org}\"\n";
        var scan = Scans.Text(text, layout);
        Assert.AreEqual(new ContentKind(encoding, preamble), scan.Kind);
        CollectionAssert.AreEqual(Scans.Expected(text, User, Org), Scans.Describe(scan));
        Assert.AreEqual(TextLayouts.ByteOffset(text, text.IndexOf(Org, StringComparison.Ordinal), layout), scan.Tokens[1].Token.Offset);
    }

    [TestMethod]
    [DataRow("a\nb\nc = {T}", 3, 5)]
    [DataRow("a\r\nb\r\nc = {T}", 3, 5)]
    [DataRow("a\rb\rc = {T}", 3, 5)]
    [DataRow("a\r\n\rb\n\r\nc\r\r = {T}", 7, 4)]
    [DataRow("\n\n\n{T}", 4, 1)]
    [DataRow("\r\r\r{T}\r", 4, 1)]
    [DataRow("\r\n\r\n{T}\r\n", 3, 1)]
    public void CountsLfCrLfAndLoneCrLineEnds(string template, int line, int column)
    {
        string text = template.Replace("{T}", User, StringComparison.Ordinal);
        foreach (var layout in TextLayouts.All)
        {
            CollectionAssert.AreEqual(new[] { $"{User}@{line}:{column}" }, Scans.Describe(Scans.Text(text, layout)), layout.ToString());
        }
    }

    [TestMethod]
    public void CountsSupplementaryCharactersAsTwoColumns()
    {
        string text = "😀😀 é 中 = " + User + " 🤗" + Org;
        foreach (var layout in TextLayouts.All)
        {
            var described = Scans.Describe(Scans.Text(text, layout));
            CollectionAssert.AreEqual(Scans.Expected(text, User, Org), described, layout.ToString());
        }

        // 2 emoji (4 units), space, é, space, 中, " = ": the token starts at column 12.
        CollectionAssert.AreEqual(new[] { $"{User}@1:12", $"{Org}@1:52" }, Scans.Describe(Scans.Text(text)));
    }

    public static IEnumerable<object[]> InvalidUtf8Prefixes() =>
    [
        [new byte[] { 0x80 }],
        [new byte[] { 0xC3, 0x28 }],
        [new byte[] { 0xE2, 0x82, 0x20 }],
        [new byte[] { 0xF0, 0x9F, 0x98 }],
        [new byte[] { 0xFF, 0xFE, 0xFD }],
        [new byte[] { 0xED, 0xA0, 0x80 }],
        [new byte[] { 0xC0, 0xAF, 0x41, 0xE2, 0x82 }],
        [new byte[] { 0xF4, 0x90, 0x80, 0x80, 0xC3, 0xA9 }],
    ];

    [TestMethod]
    [DynamicData(nameof(InvalidUtf8Prefixes))]
    public void CountsOneReplacementCharacterPerInvalidSequenceAsDotNetDecodes(byte[] invalid)
    {
        byte[] before = [.. "x = "u8, .. invalid, .. " "u8];
        byte[] content = [.. "first "u8, 0xFF, .. " line\n"u8, .. before, .. Encoding.ASCII.GetBytes(User), .. "\n"u8];
        var scan = Scans.Bytes(content);
        Assert.AreEqual(ContentEncoding.Utf8, scan.Kind.Encoding);
        int column = Encoding.UTF8.GetString(before).Length + 1;
        CollectionAssert.AreEqual(new[] { $"{User}@2:{column}" }, Scans.Describe(scan));
    }

    [TestMethod]
    public void FindsTokenRightAfterAnIncompleteUtf8Sequence()
    {
        byte[] content = [0xE2, 0x82, .. Encoding.ASCII.GetBytes(User)];
        CollectionAssert.AreEqual(new[] { $"{User}@1:2" }, Scans.Describe(Scans.Bytes(content)));
    }

    [TestMethod]
    public void CountsACharacterCutByAReadEdgeOnce()
    {
        // The line locator reads the content in chunks as long as the scanner's buffer: put a
        // 4-byte emoji and an invalid sequence across every offset of the first chunk edge.
        const int windowSize = 8192;
        int chunk = windowSize + TokenMatcher.LookbehindBytes + TokenMatcher.LookaheadBytes;
        var scanner = new ContentScanner(windowSize);
        foreach (string piece in new[] { "😀", "é中" })
        {
            for (int start = chunk - 5; start <= chunk + 1; start++)
            {
                string text = new string('.', start) + piece + " = " + User;
                var scan = scanner.Scan(new MemoryContent(Encoding.UTF8.GetBytes(text)));
                CollectionAssert.AreEqual(Scans.Expected(text, User), Scans.Describe(scan), $"{piece} at byte {start}");
            }
        }
    }

    [TestMethod]
    public void LocatesTokensInAMultiMegabyteSingleLine()
    {
        // Minified code: one 6 MB line, tokens near the start, across the first window edges and near the end.
        var sb = new StringBuilder();
        var tokens = new List<string>();
        while (sb.Length < 6 << 20)
        {
            sb.Append("var a=b(c,d)+\"é\";");
            if (sb.Length is > 100 and < 120 or > (1 << 20) - 50 and < (1 << 20) - 20 or > (3 << 20) and < (3 << 20) + 20)
            {
                string token = TestTokens.User(tokens.Count + 300);
                tokens.Add(token);
                sb.Append('"').Append(token).Append('"');
            }
        }

        string last = TestTokens.Org(399);
        tokens.Add(last);
        sb.Append('\'').Append(last).Append("';");
        string text = sb.ToString();
        Assert.IsGreaterThanOrEqualTo(4, tokens.Count);
        foreach (var layout in new[] { TextLayout.Utf8, TextLayout.Utf16LEBom })
        {
            CollectionAssert.AreEqual(Scans.Expected(text, [.. tokens]), Scans.Describe(Scans.Text(text, layout)), layout.ToString());
        }
    }

    [TestMethod]
    public void FindsAsciiAndUtf16LETokensInBinaryContentByByteOffset()
    {
        // A compiled assembly: a NUL early, an ASCII token, then a .NET string literal (UTF-16LE) at an odd offset.
        var content = new List<byte> { 0x4D, 0x5A, 0x90, 0x00, 0x03 };
        content.AddRange(new byte[100]);
        int asciiOffset = content.Count;
        content.AddRange(Encoding.ASCII.GetBytes(User));
        content.AddRange(new byte[] { 0x00, 0x01, 0x4B });
        int utf16Offset = content.Count;
        content.AddRange(Encoding.Unicode.GetBytes(Org));
        content.AddRange(new byte[] { 0x00, 0x00, 0x11 });
        Assert.AreEqual(1, utf16Offset & 1, "test setup: the UTF-16 literal should sit at an odd offset");

        var scan = Scans.Bytes([.. content]);
        Assert.AreEqual(ContentEncoding.Binary, scan.Kind.Encoding);
        Assert.HasCount(2, scan.Tokens);
        Assert.AreEqual((User, ByteForm.Ascii, (long)asciiOffset, 0, 0), (scan.Tokens[0].Token.Value, scan.Tokens[0].Token.Form, scan.Tokens[0].Token.Offset, scan.Tokens[0].Line, scan.Tokens[0].Column));
        Assert.AreEqual((Org, ByteForm.Utf16LE, (long)utf16Offset, 0, 0), (scan.Tokens[1].Token.Value, scan.Tokens[1].Token.Form, scan.Tokens[1].Token.Offset, scan.Tokens[1].Line, scan.Tokens[1].Column));

        var finding = FindingFactory.Create(scan.Tokens[1], "app.dll");
        Assert.IsFalse(finding.IsTextual);
        Assert.IsNull(finding.Line);
        Assert.AreEqual((long)utf16Offset, finding.ByteOffset);
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(4)]
    public void FindsTokensInAPickledModelFile(int protocol)
    {
        // What torch.save (pickle protocol 2) and pickle protocol 4 write for {"token": TOKEN}: each string
        // is length-prefixed and directly followed by a memo opcode, which is 'q' (a letter) in protocol 2.
        byte[] key = "token"u8.ToArray();
        byte[] value = Encoding.ASCII.GetBytes(User);
        byte[] content = protocol == 2
            ? [0x80, 0x02, (byte)'}', (byte)'q', 0x00, (byte)'X', 5, 0, 0, 0, .. key, (byte)'q', 0x01, (byte)'X', 37, 0, 0, 0, .. value, (byte)'q', 0x02, (byte)'s', (byte)'.']
            : [0x80, 0x04, 0x95, 0x20, 0, 0, 0, 0, 0, 0, 0, (byte)'}', 0x94, 0x8C, 5, .. key, 0x94, 0x8C, 37, .. value, 0x94, (byte)'s', (byte)'.'];
        var scan = Scans.Bytes(content);
        Assert.AreEqual(ContentEncoding.Binary, scan.Kind.Encoding);
        Assert.HasCount(1, scan.Tokens);
        Assert.AreEqual((User, (long)content.AsSpan().IndexOf(value)), (scan.Tokens[0].Token.Value, scan.Tokens[0].Token.Offset));
    }

    [TestMethod]
    public void KeepsTheRightBoundaryInBinaryContentWithoutALengthPrefix()
    {
        // A 35-character run in binary content is still no token unless a length prefix says where it ends.
        byte[] content = [0x00, 0x01, 0x20, .. Encoding.ASCII.GetBytes(User + "q"), 0x00, 0x25, .. Encoding.ASCII.GetBytes(TestTokens.Org(5) + "Z"), 0x00];
        Assert.IsEmpty(Scans.Bytes(content).Tokens);
    }

    [TestMethod]
    public void DoesNotTakeUtf16WithoutBomForText()
    {
        // Without a BOM, UTF-16 has NULs: it is binary, and its UTF-16LE token is still found.
        byte[] content = Encoding.Unicode.GetBytes($"token = {User}\n");
        var scan = Scans.Bytes(content);
        Assert.AreEqual(ContentEncoding.Binary, scan.Kind.Encoding);
        Assert.AreEqual((User, ByteForm.Utf16LE, 16L), (scan.Tokens.Single().Token.Value, scan.Tokens.Single().Token.Form, scan.Tokens.Single().Token.Offset));
    }

    [TestMethod]
    public void FindsNothingInEmptyContent()
    {
        var scan = Scans.Bytes([]);
        Assert.IsEmpty(scan.Tokens);
        Assert.AreEqual(0L, scan.Length);
    }
}
