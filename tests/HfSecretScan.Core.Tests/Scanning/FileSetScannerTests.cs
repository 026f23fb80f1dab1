using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;
using HfSecretScan.Sources;
using HfSecretScan.Suppression;

namespace HfSecretScan.Tests.Scanning;

[TestClass]
public sealed class FileSetScannerTests
{
    [TestMethod]
    public void ReportsAFileThatVanishedBetweenWalkAndScanAndScansTheRest()
    {
        using var folder = new TempFolder();
        string token = TestTokens.User(601);
        folder.Write("a.txt", $"x {token}\n");
        folder.Write("b.txt", $"y {token}\n");
        folder.Write("c.txt", "clean\n");
        var targets = new[] { "a.txt", "b.txt", "c.txt" }.Select(n => new ScanTarget(Path.Combine(folder.Path, n), n)).ToList();
        File.Delete(Path.Combine(folder.Path, "b.txt"));
        var sink = new ScanSink(new ScanPolicy(ProjectSettings.Load(folder.Path, null)));

        FileSetScanner.Scan(targets, sink);

        var scan = sink.ToReport();

        Assert.AreEqual("a.txt", scan.Findings.Single().Path);
        Assert.AreEqual("b.txt", scan.Problems.Single().Path);
        StringAssert.Contains(scan.Problems.Single().Message, "vanished");
        Assert.AreEqual(2L, scan.ItemsScanned);
    }

    [TestMethod]
    public void OrdersFindingsByPathThenPositionWhateverTheScheduling()
    {
        using var folder = new TempFolder();
        var expected = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            string a = TestTokens.User(700 + i), b = TestTokens.Org(800 + i);
            string name = $"d{i % 3}/f{i:D2}.txt";
            folder.Write(name, $"{b}\n\n  {a}\n");
            expected.Add($"{name}:1:1");
            expected.Add($"{name}:3:3");
        }

        expected.Sort(StringComparer.Ordinal);
        for (int run = 0; run < 3; run++)
        {
            var sink = new ScanSink(new ScanPolicy(ProjectSettings.Load(folder.Path, null)));
            new WorkingTreeSource([folder.Path], ignore: null).ScanAsync(sink, CancellationToken.None).GetAwaiter().GetResult();
            var scan = sink.ToReport();
            CollectionAssert.AreEqual(expected, scan.Findings.Select(f => $"{f.Path}:{f.Line}:{f.Column}").ToList());
        }
    }
}
