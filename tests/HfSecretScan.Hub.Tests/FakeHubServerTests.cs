using HfSecretScan.Verification;

namespace HfSecretScan.Hub.Tests;

/// <summary>The stand-in Hub's git side is a real git server: the git CLI, which gzips larger request bodies, clones from it.</summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class FakeHubServerTests
{
    [TestMethod]
    public async Task GitCli_ClonesEveryRef_ThroughGzippedRequests()
    {
        await using var server = await FakeHubServer.StartAsync();
        var repository = server.Add(HubRepositoryKind.Model, "acme/many-refs");
        repository.Commit("README.md", "# refs\n", "init");
        for (int i = 0; i < 40; i++)
        {
            repository.Commit("n.txt", $"{i}\n", $"change {i}");
            repository.Git("update-ref", $"refs/pr/{i + 1}", "HEAD");
        }

        using var target = new TempFolder();
        string clone = Path.Combine(target.Path, "clone.git");
        var result = ProcessRun.Run(target.Path, "git", ["clone", "-q", "--mirror", $"{server.Endpoint}/acme/many-refs", clone], environment: new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" });

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(repository.Git("rev-parse", "refs/pr/40"), TestRepository.GitIn(clone, "rev-parse", "refs/pr/40"));
        CollectionAssert.Contains(server.BodyEncodings.ToArray(), "gzip");
    }
}
