using HfSecretScan.Content;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests;

/// <summary>Runs the content scanner on test inputs and describes its tokens for assertions.</summary>
internal static class Scans
{
    public static ContentScan Bytes(byte[] bytes, int windowSize = ContentScanner.DefaultWindowSize) =>
        new ContentScanner(windowSize).Scan(new MemoryContent(bytes));

    public static ContentScan Text(string text, TextLayout layout = TextLayout.Utf8, int windowSize = ContentScanner.DefaultWindowSize) =>
        Bytes(TextLayouts.Encode(text, layout), windowSize);

    /// <summary>Each token as "value@line:column", the shape assertions compare.</summary>
    public static string[] Describe(ContentScan scan) =>
        [.. scan.Tokens.Select(t => $"{t.Token.Value}@{t.Line}:{t.Column}")];

    /// <summary>What <see cref="Describe"/> should give for <paramref name="tokens"/> in <paramref name="text"/>, located by the reference.</summary>
    public static string[] Expected(string text, params string[] tokens)
    {
        var result = new List<string>();
        int from = 0;
        foreach (string token in tokens)
        {
            int index = text.IndexOf(token, from, StringComparison.Ordinal);
            Assert.IsGreaterThanOrEqualTo(0, index, "test setup: token not in text");
            var (line, column) = TextLayouts.Position(text, index);
            result.Add($"{token}@{line}:{column}");
            from = index + token.Length;
        }

        return [.. result];
    }
}
