namespace HfSecretScan.Hub.Tests;

/// <summary>What the hub command refuses before anything leaves the machine.</summary>
[TestClass]
public sealed class HubCommandTests
{
    [TestMethod]
    public async Task PlainHttpToAnotherMachine_IsRefused()
    {
        string token = TestTokens.NewUser();
        using var environment = new HubEnvironment(token);
        var result = await CliRun.RunAsync("hub", "acme", "--hf-endpoint", "http://hub.example.com");
        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.Error, "HTTPS");
        TestTokens.AssertNotIn(result.All, [token]);
    }

    [TestMethod]
    [DataRow("acme/../x")]
    [DataRow("models/acme")]
    [DataRow("a/b/c/d")]
    public async Task MalformedTarget_IsOneLineAndExit2(string target)
    {
        using var environment = new HubEnvironment(null);
        var result = await CliRun.RunAsync("hub", target, "--hf-endpoint", "http://127.0.0.1:9");
        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.Error, "is not an owner or a repository id");
    }

    [TestMethod]
    [DataRow("0/2")]
    [DataRow("3/2")]
    [DataRow("1")]
    public async Task MalformedShard_IsExit2(string shard)
    {
        using var environment = new HubEnvironment(null);
        var result = await CliRun.RunAsync("hub", "acme", "--shard", shard, "--hf-endpoint", "http://127.0.0.1:9");
        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.Error, "--shard");
    }
}
