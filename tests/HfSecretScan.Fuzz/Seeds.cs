using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Tests;

namespace HfSecretScan.Fuzz;

/// <summary>
/// Each target's seed corpus, made at run time so that no committed file holds a token: git's own
/// pack, index and objects from the repository run.sh makes, archives and encodings written here.
/// </summary>
internal static class Seeds
{
    /// <summary>Writes every target's seeds to <c><paramref name="folder"/>/&lt;target&gt;/</c>.</summary>
    public static void Write(string folder, string gitDirectory)
    {
        var seeds = new Dictionary<string, List<byte[]>>();
        void Add(string target, byte[] seed) => (seeds.TryGetValue(target, out var list) ? list : seeds[target] = []).Add(seed);

        AddGit(gitDirectory, Add);
        byte[] delta = [32, 36, 0x91, 4, 10, 5, .. "hello"u8, 0xB1, 2, 0x10, 0, 0x90, 5];
        Add("delta", delta);
        Add("gitignore", "# c\n*.log\n!keep.log\n/build/\n**/obj/**\n[a-z]?[!x]*\\#\ndoc/**/*.md\n\\!bang\n  trailing\\ \n[[:alpha:]]x\n"u8.ToArray());
        Add("gitignore", "**/a*b*c\nsrc/**/\n\0src/a/b/aXbYc\0src/deep/er\0"u8.ToArray());
        Add("config", "{\"include\": [\"src/**\"], \"exclude\": [\"**/*.min.js\"], \"baseline\": \"b.json\", \"noIgnore\": false, \"maxDecodeDepth\": 2, \"maxArchiveDepth\": 3, \"archiveLimits\": {}}"u8.ToArray());
        Add("baseline", Encoding.UTF8.GetBytes("{\"version\": 1, \"findings\": [{\"fingerprint\": \"" + new string('a', 64) + "\", \"ruleId\": \"hf-user-token\", \"path\": \"a.env\"}]}"));

        byte[] member = Encoding.UTF8.GetBytes("key = '" + TestTokens.User(1) + "'\nmore text to compress, more text to compress\n");
        byte[] zip = Archives.Zip(("a/b.txt", member), ("c.json", "{}"u8.ToArray()));
        byte[] tar = Archives.Tar(("a/b.txt", member), ("inner.zip", zip));
        Add("zip", zip);
        Add("zip-forward", zip);
        Add("tar", tar);
        Add("gzip", Archives.Gzip(member));
        Add("gzip", Archives.Gzip(tar));
        Add("bzip2", Archives.Bzip2(tar));
        Add("xz", Archives.Xz(tar));
        Add("xz", Archives.Xz(member));

        byte[] token = Encoding.ASCII.GetBytes(TestTokens.User(1));
        string base64 = Convert.ToBase64String(token);
        Add("decode", Encoding.ASCII.GetBytes($"secret: {base64}\nhex = {Convert.ToHexString(token)}\n"));
        Add("decode", Encoding.ASCII.GetBytes($"{{\"v\": \"{Convert.ToBase64String(Encoding.ASCII.GetBytes("{\"k\": \"" + base64 + "\"}"))}\"}}\n"));
        Add("decode", Encoding.ASCII.GetBytes(string.Concat(token.Select(b => $"\\x{b:x2}")) + "\n" + string.Concat(token.Select(b => $"\\u{b:x4}")) + "\n" + string.Concat(token.Select(b => $"&#x{b:x};"))));

        Add("whoami", """{"type":"user","name":"u","orgs":[{"name":"o","roleInOrg":"admin"}],"auth":{"type":"access_token","accessToken":{"displayName":"d","role":"fineGrained","fineGrained":{"global":["a"],"scoped":[{"entity":{"type":"model","name":"u/m"},"permissions":["repo.write"]}]}}}}"""u8.ToArray());
        Add("listing", """[{"id":"u/m","private":false},{"id":"o/d","private":true},{"id":"x"}]"""u8.ToArray());
        Add("discussion-page", """{"discussions":[{"num":1},{"num":2,"title":"t"}],"count":5,"start":0}"""u8.ToArray());
        Add("discussion", """{"title":"t","author":{"name":"a"},"events":[{"type":"comment","author":{"name":"b"},"data":{"latest":{"raw":"now","author":{"name":"c"}},"history":[{"raw":"before"},{"raw":"now"}]}},{"type":"title-change","data":{"from":"a","to":"b"}},{"type":"commit","data":{"subject":"s"}}]}"""u8.ToArray());
        Add("hub-headers", """<https://huggingface.co/api/models?cursor=x&author=u>; rel="next", <https://huggingface.co/api/models>; rel="first" """u8.ToArray());
        Add("hub-headers", "\"api\";r=0;t=120, \"pages\";r=5;t=30"u8.ToArray());

        foreach (string target in Targets.All.Keys)
        {
            string targetFolder = Path.Combine(folder, target);
            Directory.CreateDirectory(targetFolder);
            var list = seeds.GetValueOrDefault(target) ?? throw new InvalidOperationException($"no seed for {target}");
            for (int i = 0; i < list.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(targetFolder, $"seed-{i}"), list[i]);
            }
        }
    }

    /// <summary>The pack, index and objects of a real repository, and its commits, trees and tags as the parsers see them.</summary>
    private static void AddGit(string gitDirectory, Action<string, byte[]> add)
    {
        foreach (string idx in Directory.EnumerateFiles(Path.Combine(gitDirectory, "objects", "pack"), "*.idx"))
        {
            byte[] pack = File.ReadAllBytes(Path.ChangeExtension(idx, ".pack"));
            byte[] gitIndex = File.ReadAllBytes(idx);
            foreach (byte[] index in new[] { gitIndex, WithLargeOffset(gitIndex) })
            {
                add("pack-index", index);
                byte[] both = new byte[4 + index.Length + pack.Length];
                BinaryPrimitives.WriteUInt32BigEndian(both, (uint)index.Length);
                index.CopyTo(both, 4);
                pack.CopyTo(both, 4 + index.Length);
                add("pack", both);
            }
        }

        add("index", File.ReadAllBytes(Path.Combine(gitDirectory, "index")));
        var problems = new List<ScanProblem>();
        using var store = ObjectStore.Open(gitDirectory, problems);
        foreach (var id in store.LooseIds())
        {
            string path = LooseObject.PathOf(Path.Combine(gitDirectory, "objects"), id.Sha);
            add("loose", File.ReadAllBytes(path));
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(File.OpenRead(path), CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }

            add("loose-content", inflated.ToArray());
        }

        var reader = new ObjectReader(store, 1 << 20);
        foreach (var id in store.AllIds())
        {
            if (reader.TryRead(id) is { Type: not RawObjectType.Blob } found)
            {
                add(found.Type.ToString().ToLowerInvariant(), found.Span.ToArray());
            }
        }
    }

    /// <summary>
    /// The same index with its first object's offset moved to the large-offset table, which git
    /// writes only for packs over 2 GiB: so the fuzzer starts from an index that has one.
    /// </summary>
    private static byte[] WithLargeOffset(byte[] index)
    {
        int count = (int)BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(8 + 255 * 4));
        int small = 8 + 256 * 4 + count * 24;
        int large = small + count * 4;
        uint offset = BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(small));
        byte[] moved = [.. index.AsSpan(0, large), .. new byte[8], .. index.AsSpan(large)];
        BinaryPrimitives.WriteUInt32BigEndian(moved.AsSpan(small), 0x8000_0000);
        BinaryPrimitives.WriteUInt64BigEndian(moved.AsSpan(large), offset);
        return moved;
    }

}
