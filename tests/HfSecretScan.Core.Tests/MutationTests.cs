using System.Text;
using System.Text.Json;
using HfSecretScan.Content;
using HfSecretScan.Scanning;
using HfSecretScan.Suppression;
using HfSecretScan.Verification;
using static HfSecretScan.Tests.Archives;

namespace HfSecretScan.Tests;

/// <summary>
/// Seeded, time-bounded mutations of each archive format through <see cref="ContentScanner"/> (only
/// container problems, never an exception), of the baseline and configuration files (only
/// <see cref="InvalidDataException"/>) and of whoami answers (only <see cref="JsonException"/>).
/// </summary>
[TestClass]
public sealed class MutationTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(200);
    private static readonly byte[] Member = Text("key = '" + TestTokens.User(88) + "'\nmore text to compress, more text to compress\n");

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("zip")]
    [DataRow("tar")]
    [DataRow("gzip")]
    [DataRow("bzip2")]
    [DataRow("xz")]
    [DataRow("zip in tar.gz")]
    public void Archive_readers_report_problems_never_throw(string format)
    {
        byte[] archive = format switch
        {
            "zip" => Zip(("a/b.txt", Member), ("c.json", Text("{}"))),
            "tar" => Tar(("a/b.txt", Member), ("c.json", Text("{}"))),
            "gzip" => Gzip(Member, "b.txt"),
            "bzip2" => Bzip2(Member),
            "xz" => Xz(Member),
            _ => Gzip(Tar(("inner.zip", Zip(("b.txt", Member))))),
        };
        var scanner = new ContentScanner(LayerOptions.Default);
        int runs = Mutations.Run(archive, bytes => scanner.Scan(new MemoryContent(bytes)), seed: (ulong)format.Length, Budget);
        TestContext.WriteLine($"{format}: {runs} mutations");
    }

    [TestMethod]
    public void Baseline_and_configuration_files_are_read_or_refused_clearly()
    {
        using var folder = new TempFolder();
        string baseline = folder.Write("baseline.json", "{\"version\": 1, \"findings\": [{\"fingerprint\": \"" + new string('a', 64) + "\", \"ruleId\": \"hf-user-token\", \"path\": \"a.env\"}]}");
        string config = folder.Write("hf-scan.json", "{\"include\": [\"src/**\"], \"exclude\": [\"**/*.min.js\"], \"baseline\": \"b.json\", \"noIgnore\": false, \"maxDecodeDepth\": 2, \"archiveLimits\": {}}");
        foreach (var (path, load) in new (string, System.Action<string>)[] { (baseline, p => Baseline.Load(p)), (config, p => ScanConfig.Load(p)) })
        {
            byte[] valid = File.ReadAllBytes(path);
            int runs = Mutations.Run(valid, bytes =>
            {
                File.WriteAllBytes(path, bytes);
                try
                {
                    load(path);
                }
                catch (InvalidDataException)
                {
                    // Documented: not a valid file, with the reason.
                }
            }, seed: 11, Budget);
            TestContext.WriteLine($"{Path.GetFileName(path)}: {runs} mutations");
        }
    }

    /// <summary>Found by the mutations above: JsonDocument checked UTF-8 only when a string was read, and threw InvalidOperationException.</summary>
    [TestMethod]
    public void A_configuration_that_is_not_utf8_is_refused_clearly()
    {
        using var folder = new TempFolder();
        string config = folder.Write("hf-scan.json", [.. "{\"exclude\": [\"*"u8, 0x80, 0x80, .. "min.js\"]}"u8]);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => ScanConfig.Load(config));

        Assert.AreEqual("Not UTF-8 text.", e.Message);
    }

    [TestMethod]
    public void Whoami_answers_parse_or_are_malformed()
    {
        byte[] valid = Encoding.UTF8.GetBytes("""
            {"type":"user","name":"u","orgs":[{"name":"o","roleInOrg":"admin"}],"auth":{"type":"access_token","accessToken":{"displayName":"d","role":"fineGrained","fineGrained":{"global":["a"],"scoped":[{"entity":{"type":"model","name":"u/m"},"permissions":["repo.write"]}]}}}}
            """);
        int runs = Mutations.Run(valid, bytes =>
        {
            try
            {
                WhoAmIParser.Parse(Encoding.UTF8.GetString(bytes));
            }
            catch (JsonException)
            {
                // Documented: a malformed answer, said to be one.
            }
        }, seed: 12, Budget);
        TestContext.WriteLine($"whoami: {runs} mutations");
    }
}
