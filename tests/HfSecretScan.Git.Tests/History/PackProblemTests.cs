using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Git.Storage.Packs;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Tests.Objects;
using HfSecretScan.Tests;
using LibGit2Sharp;

namespace HfSecretScan.Git.Tests.History;

[TestClass]
public sealed class PackProblemTests
{
    [TestMethod]
    public void A_corrupt_pack_entry_is_reported_with_its_object_id_and_the_scan_goes_on()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(50) + "\n", "token");
        repo.Commit("victim.bin", string.Concat(Enumerable.Range(0, 300).Select(i => $"{i * 7919 % 10007:x5}")), "victim");
        repo.Git("repack", "-adq");
        string victim = repo.Git("rev-parse", "HEAD:victim.bin");
        var (index, header) = Entry(repo, victim);
        Assert.AreEqual(PackEntryKind.Blob, header.Kind, "stored whole");
        Overwrite(index.PackPath, header.DataOffset + 2, [.. Enumerable.Repeat((byte)0xFF, 16)]);

        var report = SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions()), repo.Path);

        Assert.AreEqual("token.txt", report.Findings.Single().Path);
        var problem = report.Problems.Single();
        Assert.AreEqual(victim, problem.Path);
        StringAssert.Contains(problem.Message, "victim.bin");
        StringAssert.Contains(problem.Message, index.PackPath + " at offset ");
    }

    [TestMethod]
    public void A_delta_whose_base_is_missing_is_reported_and_the_scan_goes_on()
    {
        using var repo = TestRepository.Create();
        PackedRepository.CommitVersions(repo, 12, seed: 7);
        repo.Commit("token.txt", TestTokens.User(51) + "\n", "token");
        repo.Git("-c", "repack.useDeltaBaseOffset=false", "repack", "-adfq");
        string gitDirectory = Path.Combine(repo.Path, ".git");
        ObjectId victim;
        using (var libgit2 = new Repository(gitDirectory))
        {
            var blobs = libgit2.Commits.QueryBy(new CommitFilter()).SelectMany(c => c.Tree.Where(e => e.TargetType == TreeEntryTargetType.Tree)
                .SelectMany(t => ((Tree)t.Target).Select(e => e.Target.Id))).Distinct().ToList();
            victim = blobs.First(id => Entry(repo, id.Sha).Header.Kind == PackEntryKind.ReferenceDelta);
        }

        var (index, header) = Entry(repo, victim.Sha);
        Overwrite(index.PackPath, header.DataOffset - 20, [.. Enumerable.Repeat((byte)0xEE, 20)]);

        var report = SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions()), repo.Path);

        Assert.AreEqual("token.txt", report.Findings.Single().Path);
        var problem = report.Problems.Single(p => p.Path == victim.Sha);
        StringAssert.Contains(problem.Message, "delta base " + new string('e', 40) + " is missing");
        Assert.IsTrue(report.Problems.All(p => p.Message.Contains("is missing", StringComparison.Ordinal)), string.Join("\n", report.Problems));
    }

    private static (PackIndex Index, PackEntryHeader Header) Entry(TestRepository repo, string id)
    {
        string packs = Path.Combine(repo.Path, ".git", "objects", "pack");
        var index = PackIndex.Read(Directory.EnumerateFiles(packs, "*.idx").Single());
        Assert.IsTrue(index.TryFind(RawId.Parse(id), out long offset), id);
        using var file = PackFile.Open(index);
        return (index, file.ReadHeader(offset));
    }

    private static void Overwrite(string path, long offset, byte[] bytes)
    {
        File.SetAttributes(path, FileAttributes.Normal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.Write(bytes);
    }
}
