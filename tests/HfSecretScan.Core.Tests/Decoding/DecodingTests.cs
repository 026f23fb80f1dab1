using System.Text;
using HfSecretScan.Content;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Decoding;

/// <summary>Tokens under each encoding are found, reported where the issue says, with their chain; decoding stops at its depth.</summary>
[TestClass]
public sealed class DecodingTests
{
    private static readonly string Token = TestTokens.User(41);

    private static string B64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    private static string[] Found(string text, int depth = LayerOptions.DefaultMaxDecodeDepth, int windowSize = ContentScanner.DefaultWindowSize) =>
        [.. new ContentScanner(new LayerOptions { MaxDecodeDepth = depth }, windowSize)
            .Scan(new MemoryContent(Encoding.UTF8.GetBytes(text)))
            .Tokens.Select(t => $"{t.Token.Value}@{t.Line}:{t.Column} {string.Join(",", t.Token.Decoded)}")];

    private static string At(int line, int column, string chain, string? token = null) => $"{token ?? Token}@{line}:{column} {chain}";

    [TestMethod]
    public void Base64InAKeyValueIsReportedAtTheValue() =>
        CollectionAssert.AreEqual(new[] { At(1, 7, "base64") }, Found("auth: " + B64("user:" + Token) + "\n"));

    [TestMethod]
    public void AuthorizationBasicHeader() =>
        CollectionAssert.AreEqual(new[] { At(2, 22, "base64") }, Found("GET / HTTP/1.1\nAuthorization: Basic " + B64("me:" + Token) + "\r\n"));

    [TestMethod]
    public void UrlSafeUnpaddedBase64IsNamedSo()
    {
        byte[] value = [0xFB, 0xFF, 0xBF, .. Encoding.ASCII.GetBytes(" " + Token)];
        string encoded = Convert.ToBase64String(value).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        CollectionAssert.AreEqual(new[] { At(1, 8, "base64url") }, Found("token=\"" + encoded + "\""));
    }

    [TestMethod]
    [DataRow(64)]
    [DataRow(76)]
    public void WrappedBase64IsReportedAtTheBlocksFirstLineWhereverTheTokenLies(int width)
    {
        // Every offset of the token in the block, so that some lie across a wrap and split the prefix.
        for (int pad = 0; pad < 80; pad++)
        {
            string block = B64(new string('x', pad) + " " + Token + " and some more text after it, enough to wrap.");
            var lines = Enumerable.Range(0, (block.Length + width - 1) / width).Select(i => block.Substring(i * width, Math.Min(width, block.Length - (i * width))));
            string pem = "-----BEGIN DATA-----\n" + string.Join("\n", lines) + "\n-----END DATA-----\n";
            CollectionAssert.AreEqual(new[] { At(2, 1, "base64") }, Found(pem), $"pad {pad}");
        }
    }

    [TestMethod]
    public void Base64InAYamlBlockScalar()
    {
        string block = B64("[settings]\ntoken = " + Token + "\nendpoint = https://huggingface.co\n");
        var yaml = new StringBuilder("data:\n  config: |\n");
        for (int i = 0; i < block.Length; i += 76)
        {
            yaml.Append("    ").Append(block, i, Math.Min(76, block.Length - i)).Append('\n');
        }

        CollectionAssert.AreEqual(new[] { At(3, 5, "base64") }, Found(yaml.ToString()));
    }

    /// <summary>
    /// A long unpadded value on one line, then a short line that starts with base64 characters: a
    /// YAML key, a shell <c>done</c>. Read as the value's wrapped tail, it would decode to letters
    /// glued to the token's end, and the token would be lost.
    /// </summary>
    [TestMethod]
    [DataRow("  apiKey: none\n")]
    [DataRow("done\n")]
    [DataRow("Zw\n")]
    public void ALongValueFollowedByAShortLineOfBase64CharactersIsFoundWithOrWithoutThatLine(string next)
    {
        string org = TestTokens.Org(42);
        string value = B64(org);
        Assert.AreEqual(0, value.Length % 4, "test setup: no padding to end the value");
        Assert.IsFalse(value.Contains('=', StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[] { At(2, 10, "base64", org) }, Found("data:\n  token: " + value + "\n" + next));
    }

    [TestMethod]
    public void Base64WrappedWithEscapedNewlinesInAJsonString()
    {
        string block = B64(new string('p', 40) + " " + Token + " " + new string('q', 40));
        string json = "{\"cert\": \"" + block[..64] + "\\n" + block[64..] + "\"}";
        CollectionAssert.AreEqual(new[] { At(1, 11, "base64") }, Found(json));
    }

    [TestMethod]
    public void HexInEveryCaseAndGrouping()
    {
        string hex = Convert.ToHexString(Encoding.ASCII.GetBytes(Token));
        CollectionAssert.AreEqual(new[] { At(1, 6, "hex") }, Found("dump " + hex.ToLowerInvariant()));
        CollectionAssert.AreEqual(new[] { At(1, 6, "hex") }, Found("dump " + hex));
        string spaced = string.Join(" ", Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)));
        CollectionAssert.AreEqual(new[] { At(1, 1, "hex") }, Found(spaced.ToLowerInvariant()));
        CollectionAssert.AreEqual(new[] { At(1, 5, "hex") }, Found("x a " + spaced.ToLowerInvariant()), "a lone word before a grouped dump is not its start");
    }

    [TestMethod]
    public void CharacterEscapesAreReportedAtTheTokensFirstEncodedCharacter()
    {
        string percent = string.Concat(Token.Select(c => $"%{(int)c:X2}"));
        CollectionAssert.AreEqual(new[] { At(1, 12, "percent") }, Found("url=https:/" + percent));
        CollectionAssert.AreEqual(new[] { At(1, 4, "percent") }, Found("?t=" + Token[..2] + "%5F" + Token[3..] + "&x=1"));
        string unicode = string.Concat(Token.Select(c => $"\\u{(int)c:x4}"));
        CollectionAssert.AreEqual(new[] { At(1, 8, "unicode-escape") }, Found("{\"t\": \"" + unicode + "\"}"));
        string html = string.Concat(Token.Select(c => $"&#{(int)c};"));
        CollectionAssert.AreEqual(new[] { At(1, 4, "html") }, Found("<p>" + html + "</p>"));
        string htmlHex = string.Concat(Token.Select(c => $"&#x{(int)c:x};"));
        CollectionAssert.AreEqual(new[] { At(1, 4, "html") }, Found("<p>" + htmlHex + "</p>"));
        string qp = string.Concat(Token.Select(c => $"={(int)c:X2}"));
        CollectionAssert.AreEqual(new[] { At(2, 8, "quoted-printable") }, Found("Subject: x\nToken: " + qp));
    }

    [TestMethod]
    public void QuotedPrintableSoftBreakInsideAToken() =>
        CollectionAssert.AreEqual(new[] { At(1, 16, "quoted-printable") }, Found("Body: token is " + Token[..20] + "=\r\n" + Token[20..] + " end\r\n"));

    [TestMethod]
    public void Base64OfAJsonThatHoldsABase64Value()
    {
        string dockerConfig = "{\"auths\":{\"registry.example\":{\"auth\":\"" + B64("robot:" + Token) + "\"}}}";
        string secret = "apiVersion: v1\nkind: Secret\ndata:\n  .dockerconfigjson: " + B64(dockerConfig) + "\n";
        CollectionAssert.AreEqual(new[] { At(4, 22, "base64,base64") }, Found(secret));
        Assert.IsEmpty(Found(secret, depth: 1), "depth 1 does not reach the inner value");
        Assert.IsEmpty(Found("auth: " + B64("user:" + Token), depth: 0), "depth 0 decodes nothing");
    }

    [TestMethod]
    public void AValueAcrossAWindowEdgeIsFoundOnce()
    {
        for (int pad = 4000; pad < 4200; pad += 13)
        {
            string text = new string('.', pad) + " " + B64("user:" + Token) + "\n";
            CollectionAssert.AreEqual(new[] { At(1, pad + 2, "base64") }, Found(text, windowSize: 4096), $"pad {pad}");
        }
    }

    [TestMethod]
    public void APlainTokenIsNotAlsoReportedAsDecoded()
    {
        string text = "a=\n" + Token + "\n%20" + Token + "\n\\u0020" + Token + "\n";
        Assert.HasCount(3, Found(text));
        Assert.IsTrue(Found(text).All(f => f.EndsWith(' ')), "plain tokens carry no chain");
    }
}
