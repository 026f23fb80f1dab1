using System.Diagnostics;
using System.IO.Compression;
using HfSecretScan.Containers;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Scanning;
using static HfSecretScan.Tests.Archives;

namespace HfSecretScan.Tests.Containers;

/// <summary>Each container format, nesting, what is reported where, and every way an archive can be bad.</summary>
[TestClass]
public sealed class ContainerTests
{
    private static readonly string Token = TestTokens.User(51);
    private static readonly byte[] Config = Text("{\n  \"HF\": \"" + Token + "\"\n}\n");

    private static ContentScan Scan(byte[] bytes, LayerOptions? layers = null) =>
        new ContentScanner(layers ?? LayerOptions.Default).Scan(new MemoryContent(bytes));

    private static string[] Found(byte[] bytes, string path = "outer", LayerOptions? layers = null) =>
        [.. Scan(bytes, layers).Tokens.Select(t => FindingFactory.Create(t, path)).Select(f => $"{f.Path}:{f.Line}:{f.Column}")];

    private static string[] Problems(ContentScan scan) => [.. scan.Problems.Select(p => p.At("outer")).Select(p => $"{p.Kind} {p.Path}: {p.Message}")];

    [TestMethod]
    public void ZipMemberAtItsPathLineAndColumn() =>
        CollectionAssert.AreEqual(new[] { "dist/app.nupkg!lib/net10.0/appsettings.json:2:10" }, Found(Zip(("lib/net10.0/appsettings.json", Config), ("readme.txt", Text("hi"))), "dist/app.nupkg"));

    [TestMethod]
    public void AStoredMemberIsReportedOnceAtTheMemberNotInTheRawBytes() =>
        CollectionAssert.AreEqual(new[] { "a.zip!a/b.txt:2:10" }, Found(Zip(CompressionLevel.NoCompression, ("a/b.txt", Config)), "a.zip"));

    [TestMethod]
    public void AWheelInAZipInATarGzIsOneLevelPerContainerAndTarGzIsOne()
    {
        byte[] whl = Zip(("c.py", Text("TOKEN = \"" + Token + "\"\n")));
        byte[] zip = Zip(("pkg/b.whl", whl));
        byte[] tgz = Gzip(Tar(("./pkg/b.zip", zip)));
        CollectionAssert.AreEqual(new[] { "a.tar.gz!pkg/b.zip!pkg/b.whl!c.py:1:10" }, Found(tgz, "a.tar.gz"));
    }

    [TestMethod]
    public void ADockerSaveTarballWhoseLayersAreTarballs()
    {
        byte[] layer = Gzip(Tar(("etc/app.env", Text("HF_TOKEN=" + Token + "\n"))));
        byte[] image = Tar(("manifest.json", Text("[]")), ("blobs/sha256/3f1c", layer), ("old/layer.tar", Tar(("root/.cache/huggingface/token", Text(Token)))));
        CollectionAssert.AreEqual(
            new[] { "image.tar!blobs/sha256/3f1c!etc/app.env:1:10", "image.tar!old/layer.tar!root/.cache/huggingface/token:1:1" },
            Found(image, "image.tar"));
    }

    [TestMethod]
    public void ASingleCompressedStreamIsNamedByItsHeaderOrAfterTheFile()
    {
        byte[] log = Text("line1\nline2 token=" + Token + "\n");
        CollectionAssert.AreEqual(new[] { "logs/x.gz!run.log:2:13" }, Found(Gzip(log, "run.log"), "logs/x.gz"));
        CollectionAssert.AreEqual(new[] { "logs/run.log.gz!run.log:2:13" }, Found(Gzip(log), "logs/run.log.gz"));
        CollectionAssert.AreEqual(new[] { "dump.sql.bz2!dump.sql:2:13" }, Found(Bzip2(log), "dump.sql.bz2"));
        CollectionAssert.AreEqual(new[] { "notes.txt.xz!notes.txt:2:13" }, Found(Xz(log), "notes.txt.xz"));
        CollectionAssert.AreEqual(new[] { "layer!layer:2:13" }, Found(Gzip(log), "layer"));
    }

    [TestMethod]
    public void FormatsAreToldByTheirBytesNotTheirNames()
    {
        CollectionAssert.AreEqual(new[] { "model.pt!archive/data.pkl:1:10" }, Found(Zip(("archive/data.pkl", Text("TOKEN = \"" + Token + "\"\n"))), "model.pt"));
        CollectionAssert.AreEqual(new[] { "weights.bin!weights!x.txt:2:13" }, Found(Xz(Gzip(Text("x\nline2 token=" + Token), "x.txt")), "weights.bin"));
    }

    [TestMethod]
    public void DecodingAndAllowCommentsWorkInsideMembers()
    {
        byte[] secret = Text("data:\n  token: " + Convert.ToBase64String(Text(Token)) + "\n  other: " + Token + " # hf-scan:allow\n");
        var scan = Scan(Zip(("k8s/secret.yaml", secret)));
        Assert.HasCount(2, scan.Tokens);
        var reported = scan.Reported.Single();
        Assert.AreEqual("k8s/secret.yaml", reported.InnerPath);
        CollectionAssert.AreEqual(new[] { "base64" }, reported.Token.Decoded.ToArray());
        Assert.AreEqual((2, 10), (reported.Line, reported.Column));
        Assert.AreEqual(1, scan.AllowedCount);
    }

    [TestMethod]
    public void ALargeMemberIsStreamedAndItsTokensLocatedExactly()
    {
        // Larger than the member cache: locating the first token reads the member again from its start.
        string filler = string.Concat(Enumerable.Repeat("0123456789abcdef 0123456789abcdef\n", 120_000));
        byte[] big = Text(Token + "\n" + filler + "  " + Token + "\n");
        CollectionAssert.AreEqual(new[] { "z!big.txt:1:1", "z!big.txt:120002:3" }, Found(Zip(("big.txt", big)), "z"));
    }

    [TestMethod]
    public void EncryptedMembersAreProblemsAndTheRestIsScanned()
    {
        byte[] zip = Zip(CompressionLevel.NoCompression, ("secret.txt", Text("x")), ("plain.txt", Config));

        // Sets the "encrypted" flag of the first member in its local header and the central directory, as zip -e writes it.
        zip[6] |= 1;
        int central = zip.AsSpan().IndexOf("PK\u0001\u0002"u8);
        zip[central + 8] |= 1;
        var scan = Scan(zip);
        CollectionAssert.AreEqual(new[] { "Archive outer!secret.txt: Encrypted member: not scanned." }, Problems(scan));
        Assert.AreEqual("plain.txt", scan.Tokens.Single().InnerPath);
    }

    [TestMethod]
    public void ATruncatedZipIsReadFromItsLocalHeaders()
    {
        byte[] zip = Zip(("a.json", Config), ("b.txt", Text("more")));
        var scan = Scan(zip[..(zip.Length - 30)]);
        Assert.AreEqual("a.json", scan.Tokens.Single().InnerPath);
        Assert.IsTrue(Problems(scan).First().StartsWith("Archive outer: Corrupt or truncated zip", StringComparison.Ordinal), string.Join("\n", Problems(scan)));
        Assert.HasCount(1, Problems(scan), string.Join("\n", Problems(scan)));
    }

    [TestMethod]
    public void CorruptCompressedDataIsAProblemNamingTheMember()
    {
        byte[] gz = Gzip(Text(string.Concat(Enumerable.Repeat("some text to compress ", 2000)) + Token), "data.txt");
        for (int i = 40; i < 80; i++)
        {
            gz[i] ^= 0x5A;
        }

        var scan = Scan(gz);
        Assert.IsTrue(Problems(scan).Single().StartsWith("Archive outer!data.txt: Corrupt or truncated", StringComparison.Ordinal), string.Join("\n", Problems(scan)));
    }

    [TestMethod]
    public void AMemberNameLeavingTheArchiveIsAProblemAndStillScanned()
    {
        var scan = Scan(Zip(("../../etc/cron.d/x", Config), ("/abs/path.txt", Text("clean"))));
        Assert.AreEqual("../../etc/cron.d/x", scan.Tokens.Single().InnerPath);
        Assert.HasCount(2, scan.Problems);
        Assert.IsTrue(scan.Problems.All(p => p.Kind == ProblemKind.Archive && p.Message.Contains("never extracted", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void EachLimitTripsAsAProblemNamingItAndWhatWasReadStillCounts()
    {
        // Inflated bytes: incompressible enough that the ratio holds, more than the limit allows.
        var random = new Random(3);
        byte[] noise = new byte[3 << 20];
        random.NextBytes(noise);
        var bytes = Scan(Zip(("first.txt", Config), ("noise.bin", noise), ("after.txt", Config)), LayerOptions.Default with { Limits = ContainerLimits.Default with { MaxInflatedBytes = 1 << 20 } });
        Assert.AreEqual("first.txt", bytes.Tokens.Single().InnerPath);
        StringAssert.Contains(Problems(bytes).Single(), "maxInflatedBytes");

        var entries = Scan(Zip([.. Enumerable.Range(0, 5).Select(i => ($"m{i}.txt", Config))]), LayerOptions.Default with { Limits = ContainerLimits.Default with { MaxEntries = 3 } });
        Assert.HasCount(3, entries.Tokens);
        StringAssert.Contains(Problems(entries).Single(), "maxEntries");

        var time = Scan(Gzip(noise), LayerOptions.Default with { Limits = ContainerLimits.Default with { Timeout = TimeSpan.Zero } });
        StringAssert.Contains(Problems(time).Single(), "timeoutSeconds");
    }

    [TestMethod]
    public void TenLevelsOfNestingStopAtTheDepthLimit()
    {
        byte[] data = Text("k " + Token + "\n");
        string name = "in.txt";
        for (int level = 0; level < 10; level++)
        {
            data = Zip((name, data));
            name = $"l{level}.zip";
        }

        var scan = Scan(data);
        Assert.IsEmpty(scan.Tokens);
        CollectionAssert.AreEqual(new[] { "Limit outer!l8.zip!l7.zip!l6.zip!l5.zip!l4.zip: A zip nested deeper than the archive depth limit (maxArchiveDepth): not opened." }, Problems(scan));
        Assert.HasCount(1, Scan(data, LayerOptions.Default with { MaxArchiveDepth = 10 }).Tokens);
        Assert.IsEmpty(Scan(data, LayerOptions.Default with { MaxArchiveDepth = 0 }).Problems, "with archives off, a zip is just bytes");
    }

    [TestMethod]
    public void ABombEndsInSecondsWithTheRatioLimit()
    {
        // 6 GiB of zeros as 96 concatenated gzip members of 64 MiB each: 6 MiB on disk.
        byte[] member = Gzip(new byte[64 << 20]);
        byte[] bomb = [.. Enumerable.Repeat(member, 96).SelectMany(m => m)];
        var clock = Stopwatch.StartNew();
        var scan = Scan(bomb);
        Assert.IsLessThan(5.0, clock.Elapsed.TotalSeconds);
        StringAssert.Contains(Problems(scan).Single(), "maxRatio");

        byte[] zipBomb = Zip(("a.bin", new byte[96 << 20]), ("b.bin", new byte[96 << 20]));
        StringAssert.Contains(Problems(Scan(zipBomb)).Single(), "maxRatio");
    }
}
