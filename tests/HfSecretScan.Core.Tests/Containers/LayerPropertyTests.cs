using System.Text;
using CsCheck;
using HfSecretScan.Containers;
using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Scanning;

namespace HfSecretScan.Tests.Containers;

/// <summary>
/// Random tokens at random places in random text, written as themselves or under base64, hex or
/// percent-encoding, inside random trees of zip, tar, tar.gz and gzip up to three levels deep,
/// come back exactly: each at its inner path, line and column, with its chain, and nothing else.
/// </summary>
[TestClass]
public sealed class LayerPropertyTests
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The outer file's path: a gzip that records no name takes its name from it.</summary>
    private const string OuterPath = "drop/blob.dat";

    private const int MaxLevels = 3;

    // The first case, a tree of three levels with a dozen tokens, is fixed; the rest of the second explores.
    private const string Seed = "5uC7TH1SrZu1";

    /// <summary>
    /// No '_', '%', '\' or '&amp;' (so filler never forms a token or an escape) and no letters of the
    /// encoded prefixes' anchors, so filler next to a value never looks like more of it.
    /// </summary>
    private static readonly Gen<string> Filler =
        Gen.OneOf("a", "Z", "9", " ", ".", ",", "\n", "\r\n", "é", "中", "😀", "-", "{", "}", "key: ", "  ")
            .Array[0, 12]
            .Select(parts => string.Concat(parts));

    private static readonly Gen<string> Padding = Gen.Int[0, 40].Select(n => string.Concat(Enumerable.Repeat("...\n", n)));

    // Non-alphanumeric and not in any encoding's alphabet: a value ends where the encoding ends. A
    // line break after a value puts filler where a wrapped value's short last line would be.
    private static readonly Gen<string> Left = Gen.OneOf("\"", "'", "(", "[", "<", "\n");

    private static readonly Gen<string> Right = Gen.OneOf("\"", "'", ")", "]", ">", ";", "\n");

    private static readonly Gen<string> Token =
        Gen.Select(
            Gen.Bool,
            Gen.Char[Alphanumerics].Array[34].Select(c => new string(c)).Where(body => !PlaceholderFilter.IsPlaceholder(body)),
            (org, body) => (org ? TestTokens.OrgPrefix : TestTokens.UserPrefix) + body);

    private static readonly Gen<Encoding?> Encodings = Gen.OneOf<Encoding?>(null, Encoding.Base64, Encoding.Hex, Encoding.Percent);

    private static readonly Gen<Node> Leaf =
        Gen.Select(Padding, Filler, Gen.Select(Left, Token, Encodings, Right, Filler).Array[0, 3])
            .Select(parts =>
            {
                var (padding, head, pieces) = parts;
                var text = new StringBuilder(padding).Append(head);
                var tokens = new List<Placed>();
                foreach (var (left, token, encoding, right, filler) in pieces)
                {
                    text.Append(left);
                    tokens.Add(new Placed(token, text.Length, encoding));
                    text.Append(Encode(token, encoding)).Append(right).Append(filler);
                }

                return (Node)new Text(text.ToString(), [.. tokens]);
            });

    private static readonly Gen<Node> Tree = NodeOf(MaxLevels);

    private enum Encoding
    {
        Base64,
        Hex,
        Percent,
    }

    private enum Kind
    {
        Zip,
        Tar,
        TarGz,
        Gzip,
    }

    /// <summary>A content: text, or a container of named members.</summary>
    private abstract record Node;

    private sealed record Placed(string Token, int Index, Encoding? Encoding);

    private sealed record Text(string Value, Placed[] Tokens) : Node;

    /// <summary>A container; a gzip has one member, named in its header or (null) after the file it is.</summary>
    private sealed record Box(Kind Kind, (string? Name, Node Member)[] Members) : Node;

    [TestMethod]
    public void RandomTokensInRandomEncodingsAndNestingsComeBackAtTheirExactPlaces()
    {
        var scanner = new ContentScanner(LayerOptions.Default);
        Tree.Sample(
            tree =>
            {
                string[] expected = [.. Expected(tree, OuterPath, null).Order(StringComparer.Ordinal)];
                var scan = scanner.Scan(new MemoryContent(Bytes(tree)));
                string[] actual = [.. scan.Tokens
                    .Select(t => FindingFactory.Create(t, OuterPath))
                    .Select(f => Describe(f.Secret.Reveal(), f.InnerPath, f.Line ?? 0, f.Column ?? 0, f.Decoded))
                    .Order(StringComparer.Ordinal)];
                Assert.AreEqual(0, scan.Problems.Count, string.Join("; ", scan.Problems));
                Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual));
            },
            seed: Seed,
            time: 1,
            threads: 1,
            print: Print);
    }

    /// <summary>A node with at most <paramref name="levels"/> containers above its text.</summary>
    private static Gen<Node> NodeOf(int levels)
    {
        if (levels == 0)
        {
            return Leaf;
        }

        var below = NodeOf(levels - 1);
        // Member names are unique in their container: the index keeps them apart.
        var members = Gen.Select(Gen.OneOf("a.txt", "conf/app.env", "src/main.py", "pkg.whl", "layer.tar", "deps.tgz", "run.log.gz"), below)
            .Array[1, 3]
            .Select(list => list.Select((m, i) => ((string?)$"d{i}/{m.Item1}", m.Item2)).ToArray());
        var gzipMember = Gen.Select(Gen.OneOf<string?>(null, "payload.txt", "inner.bin"), below.Where(n => n is not Box { Kind: Kind.Tar }))
            .Select(m => new[] { m });
        var box = Gen.OneOf(Gen.Const(Kind.Zip), Gen.Const(Kind.Tar), Gen.Const(Kind.TarGz), Gen.Const(Kind.Gzip))
            .SelectMany(kind => (kind == Kind.Gzip ? gzipMember : members).Select(m => (Node)new Box(kind, m)));
        return Gen.Frequency((1, Leaf), (2, box));
    }

    private static string Encode(string token, Encoding? encoding) => encoding switch
    {
        null => token,
        Encoding.Base64 => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(token)),
        Encoding.Hex => Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(token)),
        _ => string.Concat(token.Select(c => $"%{(int)c:X2}")),
    };

    private static string EncodingName(Encoding encoding) => encoding switch
    {
        Encoding.Base64 => "base64",
        Encoding.Hex => "hex",
        _ => "percent",
    };

    private static byte[] Bytes(Node node) => node switch
    {
        Text text => System.Text.Encoding.UTF8.GetBytes(text.Value),
        Box { Kind: Kind.Zip } box => Archives.Zip([.. box.Members.Select(m => (m.Name!, Bytes(m.Member)))]),
        Box { Kind: Kind.Tar } box => Archives.Tar([.. box.Members.Select(m => (m.Name!, Bytes(m.Member)))]),
        Box { Kind: Kind.TarGz } box => Archives.Gzip(Archives.Tar([.. box.Members.Select(m => (m.Name!, Bytes(m.Member)))])),
        Box box => Archives.Gzip(Bytes(box.Members[0].Member), box.Members[0].Name),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>What the scan must find below <paramref name="inner"/> (null at the outer file), the content itself named <paramref name="name"/>.</summary>
    private static IEnumerable<string> Expected(Node node, string name, string? inner)
    {
        if (node is Text text)
        {
            return text.Tokens.Select(t =>
            {
                var (line, column) = TextLayouts.Position(text.Value, t.Index);
                return Describe(t.Token, inner, line, column, t.Encoding is { } e ? [EncodingName(e)] : []);
            });
        }

        var box = (Box)node;
        return box.Members.SelectMany(m =>
        {
            // A gzip that records no name is named after its file, without the extension.
            string member = m.Name ?? StripExtension(name[(name.LastIndexOf('/') + 1)..]);
            return Expected(m.Member, member, ContainerPath.Join(inner ?? string.Empty, member).TrimStart(ContainerPath.Separator));
        });
    }

    private static string StripExtension(string name) => name.LastIndexOf('.') is > 0 and int dot ? name[..dot] : name;

    private static string Describe(string token, string? inner, int line, int column, IReadOnlyList<string> decoded) =>
        $"{token} at {inner ?? "(outer)"}:{line}:{column} [{string.Join(",", decoded)}]";

    private static string Print(Node node) => node switch
    {
        Text text => $"text({text.Value.Length} chars: {string.Join(", ", text.Tokens.Select(t => $"{t.Encoding?.ToString() ?? "plain"}@{t.Index}"))})",
        Box box => $"{box.Kind}[{string.Join(", ", box.Members.Select(m => $"{m.Name ?? "(unnamed)"}: {Print(m.Member)}"))}]",
        _ => "?",
    };
}
