using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;
using HfSecretScan.Sources;
using HfSecretScan.Suppression;

namespace HfSecretScan.Tests.Scanning;

/// <summary>
/// A file changed between its open and its reads, deterministically (through the scanner's seam,
/// or a content that changes the file after a given read): scanned as read and listed as a
/// problem, never a crash, never a token dropped without a word.
/// </summary>
[TestClass]
public sealed class ChangingFileTests
{
    private static ScanReport ScanChanging(TempFolder folder, string name, Action<string> change)
    {
        var sink = new ScanSink(new ScanPolicy(ProjectSettings.Load(folder.Path, null)));
        FileSetScanner.ScanFile(new ScanTarget(Path.Combine(folder.Path, name), name), sink.CreateScanner(), sink, change);
        return sink.ToReport();
    }

    private static void AssertChanged(ScanReport report, string why)
    {
        var problem = report.Problems.Single();
        Assert.AreEqual("a.env", problem.Path);
        Assert.AreEqual(ProblemKind.Unreadable, problem.Kind);
        StringAssert.Contains(problem.Message, $"File changed while it was read ({why})");
    }

    [TestMethod]
    public void A_file_truncated_after_its_open_is_a_problem_not_a_silent_miss()
    {
        using var folder = new TempFolder();
        folder.Write("a.env", $"T={TestTokens.User(160)}\n");

        var report = ScanChanging(folder, "a.env", path => File.WriteAllBytes(path, []));

        Assert.IsEmpty(report.Findings);
        AssertChanged(report, "40 bytes when opened, 0 now");
    }

    [TestMethod]
    public void A_file_grown_after_its_open_is_scanned_to_its_new_end_and_a_problem()
    {
        using var folder = new TempFolder();
        folder.Write("a.env", $"T={TestTokens.User(161)}\n");

        var report = ScanChanging(folder, "a.env", path => File.AppendAllText(path, $"U={TestTokens.User(162)}\n"));

        Assert.HasCount(2, report.Findings, "the grown part is read too");
        AssertChanged(report, "40 bytes when opened, 80 now");
    }

    [TestMethod]
    public void A_file_rewritten_in_place_to_the_same_size_is_a_problem()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.env", $"T={TestTokens.User(163)}\n");
        // The rewrite's time must differ from the first write's, whatever the file system clock's tick.
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var report = ScanChanging(folder, "a.env", path => File.WriteAllText(path, $"T={TestTokens.User(164)}\n"));

        Assert.HasCount(1, report.Findings, "what was read, the new content");
        AssertChanged(report, "rewritten, same size");
    }

    [TestMethod]
    public void A_file_deleted_after_its_open_is_read_whole_from_its_handle()
    {
        using var folder = new TempFolder();
        string token = TestTokens.User(165);
        folder.Write("a.env", $"T={token}\n");

        var report = ScanChanging(folder, "a.env", File.Delete);

        Assert.AreEqual(new Secret(TokenRules.UserToken, token).Fingerprint, report.Findings.Single().Secret.Fingerprint);
        Assert.IsEmpty(report.Problems, "what the path held when opened was read whole");
    }

    [TestMethod]
    public void A_file_replaced_by_a_rename_is_read_whole_as_it_was_opened()
    {
        using var folder = new TempFolder();
        string token = TestTokens.User(166);
        folder.Write("a.env", $"T={token}\n");
        string other = folder.Write("b.tmp", "clean\n");

        var report = ScanChanging(folder, "a.env", path => File.Move(other, path, overwrite: true));

        Assert.AreEqual(new Secret(TokenRules.UserToken, token).Fingerprint, report.Findings.Single().Secret.Fingerprint);
        Assert.IsEmpty(report.Problems, "the handle reads the file it opened, whole and unchanged");
    }

    [TestMethod]
    public void A_file_cut_short_between_two_reads_of_the_engine_does_not_crash_it()
    {
        using var folder = new TempFolder();
        string first = TestTokens.User(167);
        string path = folder.Write("big.txt", $"A={first}\n" + new string('x', 64 << 10) + $"\nB={TestTokens.User(168)}\n");
        using var file = FileContent.Open(path);
        var content = new ChangingAfterReads(file, reads: 1, () => File.WriteAllBytes(path, [.. File.ReadAllBytes(path).AsSpan(0, 20)]));

        var scan = new ContentScanner(windowSize: 4096).Scan(content);

        Assert.AreEqual(first, scan.Tokens.Single().Token.Value, "what was read is reported, located on what is left");
        Assert.IsNotNull(file.Change());
    }

    /// <summary>Runs <paramref name="change"/> once, right after the <paramref name="reads"/>-th read.</summary>
    private sealed class ChangingAfterReads(FileContent inner, int reads, Action change) : IRandomAccessContent
    {
        private int _reads;

        public long Length => inner.Length;

        public int Read(long offset, Span<byte> buffer)
        {
            int read = inner.Read(offset, buffer);
            if (++_reads == reads)
            {
                change();
            }

            return read;
        }
    }
}
