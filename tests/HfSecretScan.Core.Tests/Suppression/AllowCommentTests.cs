using System.Text;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Suppression;

[TestClass]
public sealed class AllowCommentTests
{
    private static readonly string User = TestTokens.User(501);
    private static readonly string Other = TestTokens.User(502);

    [TestMethod]
    public void MarksOnlyTheTokensOnTheMarkedLine()
    {
        string text = $"a = \"{User}\"  # hf-scan:allow (revoked test token)\r\nb = \"{Other}\"\n// hf-scan:allow on its own line\n{Other} {User} /* hf-scan:allow */";
        foreach (var layout in TextLayouts.All)
        {
            var scan = Scans.Text(text, layout);
            CollectionAssert.AreEqual(new[] { true, false, true, true }, scan.Tokens.Select(t => t.Allowed).ToArray(), layout.ToString());
        }
    }

    [TestMethod]
    public void MarkerBeforeTheTokenCountsToo()
    {
        var scan = Scans.Text($"# hf-scan:allow\u00e9 {User}\n{Other}");
        CollectionAssert.AreEqual(new[] { true, false }, scan.Tokens.Select(t => t.Allowed).ToArray());
    }

    [TestMethod]
    public void MisspelledMarkerDoesNotSuppress()
    {
        var scan = Scans.Text($"{User} # hf-scan: allow, hf_scan:allow, HF-SCAN:ALLOW");
        Assert.IsFalse(scan.Tokens.Single().Allowed);
    }

    [TestMethod]
    [DataRow(TextLayout.Utf8, 8192)]
    [DataRow(TextLayout.Utf16LEBom, 8192)]
    [DataRow(TextLayout.Utf16BEBom, 8192)]
    [DataRow(TextLayout.Utf8, ContentScanner.DefaultWindowSize)]
    [DataRow(TextLayout.Utf16LEBom, ContentScanner.DefaultWindowSize)]
    public void FindsTheMarkerFarAlongAVeryLongLine(TextLayout layout, int windowSize)
    {
        // The marker lies several reads away from the token, and at every offset around a read edge.
        int lineLength = (3 * windowSize) + 5000;
        for (int shift = -20; shift <= 20; shift++)
        {
            int markerAt = (2 * windowSize) + shift;
            var sb = new StringBuilder(lineLength + 200);
            sb.Append("x=\"").Append(User).Append("\";");
            sb.Append('.', markerAt - sb.Length).Append("hf-scan:allow");
            sb.Append('.', lineLength - sb.Length).Append('\n').Append(Other).Append(" // not allowed\n");
            var scan = Scans.Text(sb.ToString(), layout, windowSize);
            CollectionAssert.AreEqual(new[] { true, false }, scan.Tokens.Select(t => t.Allowed).ToArray(), $"{layout}, marker at {markerAt}");
            if (windowSize == ContentScanner.DefaultWindowSize)
            {
                break;
            }
        }
    }

    [TestMethod]
    public void MarkerOnTheNextLineOfAVeryLongLineDoesNotLeakBack()
    {
        string text = $"{User}{new string(' ', 3 << 20)}\n# hf-scan:allow\n";
        Assert.IsFalse(Scans.Text(text).Tokens.Single().Allowed);
    }
}
