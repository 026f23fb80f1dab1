using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Tests.Objects;

[TestClass]
public sealed class RawCommitTests
{
    [TestMethod]
    [DataRow(-9, -30)]
    [DataRow(5, 45)]
    [DataRow(0, 0)]
    public void The_author_line_reads_as_libgit2_reads_it(int hours, int minutes)
    {
        using var repo = TestRepository.Create();
        repo.Commit("a.txt", "x\n", "first");
        using var git = new Repository(repo.Path);
        var signature = new Signature("Ann  Ñame", "ann@example.com", new DateTimeOffset(2021, 6, 1, 12, 34, 56, new TimeSpan(hours, minutes, 0)));
        var created = git.ObjectDatabase.CreateCommit(signature, signature, "message\n", git.Head.Tip.Tree, [], prettifyMessage: false);
        using var store = ObjectStore.Open(git.Info.Path, new List<ScanProblem>());

        var raw = new ObjectReader(store, 1 << 20).TryReadCommit(RawId.From(created.Id))!;

        var author = git.Lookup<Commit>(created.Id).Author;
        Assert.IsNotNull(raw.Author);
        Assert.AreEqual($"{author.Name} <{author.Email}>", $"{raw.Author.Name} <{raw.Author.Email}>");
        Assert.AreEqual(author.When, raw.Author.When);
        Assert.AreEqual(author.When.Offset, raw.Author.When.Offset);
    }

    [TestMethod]
    public void A_commit_without_an_author_line_has_no_author()
    {
        var commit = RawCommit.Parse(default, "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nmessage\n"u8);

        Assert.IsNull(commit.Author);
        Assert.AreEqual("message\n", commit.Message);
    }
}
