using System.Diagnostics;
using System.Globalization;
using System.Text;
using HfSecretScan.Git.Repositories.Hooks;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Hooks;

/// <summary>The server-side hook, driven by real pushes into a bare repository.</summary>
[TestClass]
public sealed class PreReceiveTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>A bare "server" with the hook installed and a clone that has pushed one clean commit to it.</summary>
    private static (TestRepository Server, TestRepository Client) ServerAndClient()
    {
        var server = TestRepository.Create(bare: true);
        var install = ToolProcess.Run(server.Path, null, "hook", "install", "--pre-receive");
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        StringAssert.Contains(install.Output, Path.Combine(server.Path, "hooks", "pre-receive"));
        var client = TestRepository.Create();
        client.Git("remote", "add", "origin", server.Path);
        client.Commit("README.md", "hello\n", "first");
        var first = Push(client, "origin", "main");
        Assert.AreEqual(0, first.ExitCode, "the first push into an empty server: " + first);
        return (server, client);
    }

    private static ProcessResult Push(TestRepository client, params string[] arguments) =>
        ProcessRun.Run(client.Path, "git", ["push", .. arguments], environment: new Dictionary<string, string> { ["PATH"] = ToolProcess.IsolatedPath });

    [TestMethod]
    public void A_push_that_introduces_a_token_is_rejected_then_a_clean_one_is_accepted()
    {
        var (server, client) = ServerAndClient();
        using (server)
        using (client)
        {
            string token = TestTokens.User(71);
            string leak = client.Commit("config/leak.env", "HF_TOKEN=" + token + "\n", "leak");
            client.Commit("config/leak.env", "HF_TOKEN=\n", "removed again, still in history");

            var rejected = Push(client, "origin", "main");

            string said = rejected.Output + rejected.Error;
            Assert.AreNotEqual(0, rejected.ExitCode, rejected.ToString());
            StringAssert.Contains(said, $"{leak[..12]}:config/leak.env:1:10: hf-user-token: {token[..7]}…", "the commit, path, position and redacted token");
            StringAssert.Contains(said, "pre-receive hook declined");
            StringAssert.Contains(said, "push rejected");
            TestTokens.AssertNotIn(said, [token]);
            Assert.AreNotEqual(client.Head(), server.Git("rev-parse", "main"), "the server's branch did not move");

            client.Git("reset", "-q", "--hard", "HEAD~2");
            string clean = client.Commit("src/app.py", "TOKEN = os.environ['HF_TOKEN']\n", "clean");
            var accepted = Push(client, "origin", "main");
            Assert.AreEqual(0, accepted.ExitCode, accepted.ToString());
            Assert.AreEqual(clean, server.Git("rev-parse", "main"));
        }
    }

    [TestMethod]
    [TestCategory("EndToEnd")] // a dozen real pushes, each starting the tool: kept out of the inner loop
    public void Deletions_and_tags_of_commits_already_there_pass_and_old_content_is_not_rescanned()
    {
        var (server, client) = ServerAndClient();
        using (server)
        using (client)
        {
            // A token already on the server (before the hook): pushes that add nothing new pass.
            string token = TestTokens.User(72);
            client.Git("checkout", "-q", "-b", "old");
            client.Commit("old.txt", token + "\n", "old leak");
            File.Move(Path.Combine(server.Path, "hooks", "pre-receive"), Path.Combine(server.Path, "hooks", "off"));
            Assert.AreEqual(0, Push(client, "origin", "old").ExitCode);
            File.Move(Path.Combine(server.Path, "hooks", "off"), Path.Combine(server.Path, "hooks", "pre-receive"));

            client.Git("tag", "-a", "v1", "-m", "release");
            var tag = Push(client, "origin", "v1");
            Assert.AreEqual(0, tag.ExitCode, "an annotated tag of a commit already there: " + tag);
            var branch = Push(client, "origin", "old:refs/heads/copy");
            Assert.AreEqual(0, branch.ExitCode, "a new branch at a commit already there: " + branch);
            var deletion = Push(client, "origin", "--delete", "copy");
            Assert.AreEqual(0, deletion.ExitCode, "a deletion: " + deletion);

            client.Commit("new.txt", TestTokens.User(73) + "\n", "new leak");
            client.Git("tag", "-a", "v2", "-m", "release with a leak");
            var leakingTag = Push(client, "origin", "v2");
            Assert.AreNotEqual(0, leakingTag.ExitCode, "a tag that brings a new commit with a token: " + leakingTag);
            StringAssert.Contains(leakingTag.Output + leakingTag.Error, "new.txt:1:1");
            Assert.DoesNotContain("old.txt", leakingTag.Output + leakingTag.Error, "what the server had is not rescanned");
        }
    }

    [TestMethod]
    [TestCategory("EndToEnd")] // a dozen real pushes, each starting the tool: kept out of the inner loop
    public void The_servers_configuration_excludes_apply_not_the_pushed_one()
    {
        var (server, client) = ServerAndClient();
        using (server)
        using (client)
        {
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(server.Path, ".config")).FullName, "hf-scan.json"), """{ "exclude": ["fixtures/"] }""");
            client.Commit("fixtures/revoked.txt", TestTokens.User(74) + "\n", "fixture");
            Assert.AreEqual(0, Push(client, "origin", "main").ExitCode, "excluded by the server's configuration");

            client.Commit(".config/hf-scan.json", """{ "exclude": ["src/"] }""", "try to exclude");
            client.Commit("src/leak.py", TestTokens.User(75) + "\n", "leak");
            var pushed = Push(client, "origin", "main");
            Assert.AreNotEqual(0, pushed.ExitCode, "a pushed configuration has no say: " + pushed);
        }
    }

    [TestMethod]
    public void The_quarantine_folders_come_from_gits_environment()
    {
        using var folder = new TempFolder();
        string quarantine = Directory.CreateDirectory(Path.Combine(folder.Path, "objects", "incoming-1")).FullName;
        string objects = Path.GetDirectoryName(quarantine)!;
        var environment = new Dictionary<string, string>
        {
            ["GIT_QUARANTINE_PATH"] = quarantine,
            ["GIT_OBJECT_DIRECTORY"] = quarantine,
            ["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = objects + Path.PathSeparator + Path.Combine(folder.Path, "missing"),
        };

        CollectionAssert.AreEqual(new[] { quarantine, objects }, Quarantine.ObjectDirectories(name => environment.GetValueOrDefault(name)).ToArray());
        Assert.IsEmpty(Quarantine.ObjectDirectories(_ => null));
    }

    [TestMethod]
    [TestCategory("EndToEnd")] // 5,000 commits: a measurement, not an inner-loop check
    public void A_push_of_5000_new_commits_is_timed()
    {
        const int Commits = 5000;
        var (server, client) = ServerAndClient();
        using (server)
        using (client)
        {
            // fast-import writes the commits in one pack, as a real clone would have them.
            var script = new StringBuilder();
            string parent = client.Head();
            for (int i = 1; i <= Commits; i++)
            {
                string content = $"line {i}\n";
                script.Append(CultureInfo.InvariantCulture, $"commit refs/heads/big\ncommitter Test <t@example.com> {1_700_000_000 + i} +0000\ndata 3\nc{i % 10}\n");
                script.Append(i == 1 ? $"from {parent}\n" : string.Empty);
                script.Append(CultureInfo.InvariantCulture, $"M 100644 inline file{i % 50}.txt\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
            }

            var import = ProcessRun.Run(client.Path, "git", ["fast-import", "--quiet"], script.ToString());
            Assert.AreEqual(0, import.ExitCode, import.ToString());

            var clock = Stopwatch.StartNew();
            var pushed = Push(client, "origin", "big");
            clock.Stop();

            Assert.AreEqual(0, pushed.ExitCode, pushed.ToString());
            Assert.AreEqual(client.Git("rev-parse", "big"), server.Git("rev-parse", "big"));

            // The same push into a server without the hook: what git itself takes.
            using var plainServer = TestRepository.Create(bare: true);
            client.Git("remote", "add", "plain", plainServer.Path);
            Assert.AreEqual(0, Push(client, "plain", "main").ExitCode);
            var unhooked = Stopwatch.StartNew();
            var plain = Push(client, "plain", "big");
            unhooked.Stop();
            Assert.AreEqual(0, plain.ExitCode, plain.ToString());
            TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture, $"push of {Commits} new commits: {clock.Elapsed.TotalSeconds:0.00} s with the pre-receive hook, {unhooked.Elapsed.TotalSeconds:0.00} s without"));
        }
    }
}
