using System.Text;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Git.Repositories.Staged;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.History;

/// <summary>
/// Repositories arranged to trap a reader, each made in the test with real git: alternates that
/// loop or lead nowhere, junk in <c>packed-refs</c>, <c>.git</c> files naming odd places, and
/// gitlinks whose path climbs out. Each is a problem naming the path, the rest is scanned.
/// </summary>
[TestClass]
public sealed class HostileRepositoryTests
{
    private static string ObjectsOf(string repository) => Path.Combine(repository, ".git", "objects");

    private static string AlternatesOf(string objects)
    {
        Directory.CreateDirectory(Path.Combine(objects, "info"));
        return Path.Combine(objects, "info", "alternates");
    }

    private static ScanReport History(string path, bool recurse = false) =>
        SourceRun.Report(new HistorySource(path, new HistoryScanOptions { RecurseSubmodules = recurse }), path);

    [TestMethod]
    public void Alternates_that_loop_are_each_read_once()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(140) + "\n", "token");
        string other = repo.Clone("other", "--bare");
        string objects = ObjectsOf(repo.Path);
        // Itself by absolute and by relative path, and A -> B -> A.
        File.WriteAllText(AlternatesOf(objects), $"{objects}\n.\n../objects\n{Path.Combine(other, "objects")}\n");
        File.WriteAllText(AlternatesOf(Path.Combine(other, "objects")), objects + "\n");

        var folders = ObjectDirectories.Of(Path.Combine(repo.Path, ".git"), [], new List<ScanProblem>());
        var report = History(repo.Path);

        CollectionAssert.AreEqual(new[] { objects, Path.Combine(other, "objects") }, folders.ToArray());
        Assert.IsEmpty(report.Problems, string.Join("\n", report.Problems));
        Assert.AreEqual("token.txt", report.Findings.Single().Path);
    }

    [TestMethod]
    public void A_relative_alternate_is_read_from_the_object_folder_that_lists_it()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(141) + "\n", "token");
        string clone = Path.Combine(Path.GetDirectoryName(repo.Path)!, "shared");
        TestRepository.GitIn(Path.GetDirectoryName(repo.Path)!, "clone", "-q", "--shared", repo.Path, clone);
        File.WriteAllText(AlternatesOf(ObjectsOf(clone)), "../../../repo/.git/objects\n");
        Assert.IsEmpty(Directory.EnumerateFiles(ObjectsOf(clone), "*.pack", SearchOption.AllDirectories), "the clone holds no objects of its own");

        var report = History(clone);

        Assert.IsEmpty(report.Problems, string.Join("\n", report.Problems));
        Assert.AreEqual("token.txt", report.Findings.Single().Path);
    }

    [TestMethod]
    public void A_missing_alternate_is_a_problem_naming_it_and_the_rest_is_scanned()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(142) + "\n", "token");
        string alternates = AlternatesOf(ObjectsOf(repo.Path));
        File.WriteAllText(alternates, "../../nowhere/objects\n");

        var report = History(repo.Path);

        Assert.AreEqual("token.txt", report.Findings.Single().Path);
        var problem = report.Problems.Single();
        Assert.AreEqual(alternates, problem.Path);
        Assert.AreEqual(ProblemKind.MissingObject, problem.Kind);
        StringAssert.Contains(problem.Message, Path.Combine(repo.Path, "nowhere", "objects"));
    }

    [TestMethod]
    public void Alternates_nested_deeper_than_git_allows_are_a_problem()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(143) + "\n", "token");
        using var chain = new TempFolder();
        string previous = ObjectsOf(repo.Path);
        for (int i = 1; i <= 7; i++)
        {
            string next = Path.Combine(chain.Path, $"o{i}");
            File.WriteAllText(AlternatesOf(previous), next + "\n");
            Directory.CreateDirectory(next);
            previous = next;
        }

        var problems = new List<ScanProblem>();
        var folders = ObjectDirectories.Of(Path.Combine(repo.Path, ".git"), [], problems);
        var report = History(repo.Path);

        Assert.HasCount(6, folders, "the repository's own and five alternates, as git");
        var problem = report.Problems.Single();
        Assert.AreEqual(ProblemKind.Limit, problem.Kind);
        Assert.AreEqual(Path.Combine(chain.Path, "o5", "info", "alternates"), problem.Path);
        Assert.AreEqual("token.txt", report.Findings.Single().Path);
    }

    [TestMethod]
    public void Junk_in_packed_refs_is_a_problem_naming_the_file_and_every_object_is_still_scanned()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(144) + "\n", "token");
        repo.Git("pack-refs", "--all");
        string packedRefs = Path.Combine(repo.Path, ".git", "packed-refs");
        File.AppendAllText(packedRefs, "garbage line\nzzzz refs/heads/bad-id\n^0123\n" + new string('x', 1 << 20) + "\n");
        repo.Write("staged.txt", TestTokens.User(145) + "\n");
        repo.Git("add", "staged.txt");

        var history = History(repo.Path);
        var staged = SourceRun.Report(new StagedSource(repo.Path), repo.Path);

        var problem = history.Problems.Single();
        Assert.AreEqual(packedRefs, problem.Path);
        StringAssert.Contains(problem.Message, "every object was still scanned");
        Assert.ContainsSingle(history.Findings.Where(f => f.Path == "token.txt"), "found at its path, through HEAD's reflog");
        Assert.HasCount(2, history.Findings, "the staged blob is an object too");
        Assert.AreEqual("staged.txt", staged.Findings.Single().Path);
    }

    [TestMethod]
    [DataRow("gitdir: ../nowhere", DisplayName = "a missing folder")]
    [DataRow("gitdir: .", DisplayName = "its own folder")]
    [DataRow("gitdir: .git", DisplayName = "itself")]
    [DataRow("not a gitdir line", DisplayName = "junk")]
    public async Task A_dot_git_file_naming_no_repository_is_an_error_naming_it(string content)
    {
        using var folder = new TempFolder();
        folder.Write("work/token.txt", TestTokens.User(146) + "\n");
        string work = Path.Combine(folder.Path, "work");
        File.WriteAllText(Path.Combine(work, ".git"), content + "\n");

        foreach (string command in new[] { "history", "staged" })
        {
            var result = await CliRun.RunAsync(command, work);

            Assert.AreEqual(2, result.ExitCode, result.All);
            StringAssert.Contains(result.Error, $"'{Path.Combine(work, ".git")}'", "the error names the .git file: " + result.All);
        }

        var scan = await CliRun.RunAsync("scan", work);
        Assert.AreEqual(1, scan.ExitCode, "the files are still scanned: " + scan.All);
    }

    [TestMethod]
    public async Task An_index_no_reader_can_read_makes_scan_ignore_nothing_never_crash()
    {
        using var repo = TestRepository.Create();
        repo.Write(".gitignore", "*.txt\n");
        repo.Write("tracked.txt", TestTokens.User(151) + "\n");
        repo.Git("add", "-f", ".gitignore", "tracked.txt");
        string index = Path.Combine(repo.Path, ".git", "index");
        byte[] data = File.ReadAllBytes(index);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), int.MaxValue);
        File.WriteAllBytes(index, data);

        var result = await CliRun.RunAsync("scan", repo.Path);

        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.Contains(result.Out, "tracked.txt:1:1", "a tracked file is scanned though its name is ignored");
    }

    [TestMethod]
    public void A_dot_git_file_naming_a_real_repository_elsewhere_scans_that_repository()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(147) + "\n", "token");
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, ".git"), "gitdir: " + Path.Combine(repo.Path, ".git") + "\n");

        var report = History(folder.Path);

        Assert.AreEqual("token.txt", report.Findings.Single().Path);
    }

    [TestMethod]
    public void Gitlinks_whose_path_climbs_out_are_problems_and_never_followed()
    {
        using var outside = TestRepository.Create();
        outside.Commit("outside.txt", TestTokens.User(148) + "\n", "outside");
        using var repo = TestRepository.Create();
        repo.Write(".gitmodules", "[submodule \"x\"]\n\tpath = ../outside\n\turl = ../outside\n");
        repo.Git("add", ".gitmodules");
        repo.Commit("token.txt", TestTokens.User(149) + "\n", "token");
        // git refuses these names, so the trees are written byte by byte.
        byte[] gitlink = Convert.FromHexString(outside.Head());
        string inner = HashObject(repo, "tree", Entry("160000", "..", gitlink));
        string tree = HashObject(repo, "tree", [
            .. Entry("160000", "..", gitlink),
            .. Entry("160000", ".git", gitlink),
            .. Entry("100644", ".gitmodules", Convert.FromHexString(repo.Git("rev-parse", "HEAD:.gitmodules"))),
            .. Entry("40000", "sub", Convert.FromHexString(inner)),
            .. Entry("100644", "token.txt", Convert.FromHexString(repo.Git("rev-parse", "HEAD:token.txt"))),
        ]);
        repo.Git("update-ref", "refs/heads/main", repo.Git("commit-tree", tree, "-p", "HEAD", "-m", "climb"));

        var report = History(repo.Path, recurse: true);

        Assert.AreEqual("token.txt", report.Findings.Single().Path, "nothing from outside");
        CollectionAssert.AreEquivalent(new[] { "..", ".git", "sub/.." }, report.Problems.Select(p => p.Path).ToArray(), string.Join("\n", report.Problems));
        Assert.IsTrue(report.Problems.All(p => p.Message.Contains("would lead outside its repository", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_submodule_whose_dot_git_file_leads_back_to_its_parent_is_scanned_once()
    {
        using var repo = TestRepository.Create();
        repo.Commit("token.txt", TestTokens.User(150) + "\n", "token");
        repo.Git("update-index", "--add", "--cacheinfo", $"160000,{repo.Head()},sub");
        repo.Git("commit", "-q", "-m", "submodule");
        repo.Write("sub/.git", "gitdir: ../.git\n");

        var report = History(repo.Path, recurse: true);

        Assert.AreEqual("token.txt", report.Findings.Single().Path);
        var problem = report.Problems.Single();
        Assert.AreEqual("sub", problem.Path);
        StringAssert.Contains(problem.Message, "already scanned in this run");
    }

    private static byte[] Entry(string mode, string name, byte[] id) => [.. Encoding.UTF8.GetBytes($"{mode} {name}\0"), .. id];

    private static string HashObject(TestRepository repo, string type, byte[] content)
    {
        string file = Path.Combine(repo.Path, ".git", "hand-made");
        File.WriteAllBytes(file, content);
        return repo.Git("hash-object", "-t", type, "--literally", "-w", file);
    }
}
