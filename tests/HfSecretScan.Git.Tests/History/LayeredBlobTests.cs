using System.Text;
using System.Text.Json;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories.History;
using HfSecretScan.Git.Repositories.Staged;

namespace HfSecretScan.Git.Tests.History;

/// <summary>Committed and staged blobs that are archives or hold encoded tokens, opened as the working tree's files are.</summary>
[TestClass]
public sealed class LayeredBlobTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string CommitBytes(TestRepository repo, string path, byte[] bytes, string message)
    {
        repo.Write(path, bytes);
        repo.Git("add", "--", path);
        repo.Git("commit", "-q", "-m", message);
        return repo.Head();
    }

    private static ScanReport ScanAll(string path) => SourceRun.Report(new HistorySource(path, new HistoryScanOptions()), path);

    [TestMethod]
    public void A_committed_zip_is_opened_at_its_path_in_the_commit_that_added_it()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        string added = CommitBytes(repo, "path/in/commit.zip", Archives.Zip(("notes.md", Utf8("none\n")), ("inner.txt", Utf8("a\nkey=" + TestTokens.User(81) + "\n"))), "add zip");
        repo.Git("rm", "-q", "path/in/commit.zip");
        repo.Git("commit", "-q", "-m", "remove zip");

        var report = ScanAll(repo.Path);

        var finding = report.Findings.Single();
        Assert.AreEqual("path/in/commit.zip!inner.txt", finding.Path);
        Assert.AreEqual("inner.txt", finding.InnerPath);
        Assert.AreEqual("path/in/commit.zip", finding.OuterPath);
        Assert.AreEqual(2, finding.Line);
        Assert.AreEqual(5, finding.Column);
        Assert.AreEqual(added, finding.Commit!.CommitId);
        Assert.IsTrue(report.IsComplete, string.Join("; ", report.Problems));
    }

    [TestMethod]
    public void A_range_scan_opens_the_archives_the_range_introduces()
    {
        using var repo = TestRepository.Create();
        string before = repo.Commit("README.md", "hello\n", "first");
        string added = CommitBytes(repo, "dist/logs.tgz", Archives.Gzip(Archives.Tar(("run/app.log", Utf8("token " + TestTokens.Org(82) + "\n")))), "add logs");

        var report = SourceRun.Report(new HistorySource(repo.Path, new HistoryScanOptions { Include = [added], Exclude = [before] }), repo.Path);

        var finding = report.Findings.Single();
        Assert.AreEqual("dist/logs.tgz!run/app.log", finding.Path);
        Assert.AreEqual(added, finding.Commit!.CommitId);
    }

    [TestMethod]
    public async Task The_history_command_reports_a_base64_token_with_its_decoded_chain_in_json()
    {
        using var repo = TestRepository.Create();
        string encoded = Convert.ToBase64String(Utf8(TestTokens.User(83)));
        string added = repo.Commit("k8s/secret.yaml", "kind: Secret\ndata:\n  token: " + encoded + "\n", "add secret");
        repo.Commit("k8s/secret.yaml", "kind: Secret\ndata: {}\n", "drop secret");

        var result = await CliRun.RunAsync("history", repo.Path, "--format", "json");

        Assert.AreEqual(1, result.ExitCode, result.All);
        using var json = JsonDocument.Parse(result.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.AreEqual("k8s/secret.yaml", finding.GetProperty("path").GetString());
        CollectionAssert.AreEqual(new[] { "base64" }, finding.GetProperty("decoded").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.AreEqual(3, finding.GetProperty("line").GetInt32());
        Assert.AreEqual(10, finding.GetProperty("column").GetInt32());
        Assert.AreEqual(added, finding.GetProperty("commit").GetProperty("id").GetString());
        CliRun.AssertNoWholeToken(result.All, "history JSON");
    }

    [TestMethod]
    public void A_staged_tar_gz_member_is_found()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        repo.Write("dist/pkg.tar.gz", Archives.Gzip(Archives.Tar(("pkg/README", Utf8("read me\n")), ("pkg/config.py", Utf8("# config\nTOKEN = '" + TestTokens.User(84) + "'\n")))));
        repo.Git("add", "dist/pkg.tar.gz");

        var report = SourceRun.Report(new StagedSource(repo.Path), repo.Path);

        var finding = report.Findings.Single();
        Assert.AreEqual("dist/pkg.tar.gz!pkg/config.py", finding.Path);
        Assert.AreEqual(2, finding.Line);
        Assert.AreEqual(10, finding.Column);
        Assert.IsTrue(report.IsComplete, string.Join("; ", report.Problems));
    }
}
