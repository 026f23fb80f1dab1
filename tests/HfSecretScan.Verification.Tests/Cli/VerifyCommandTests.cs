using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification.Tests.Cli;

/// <summary><c>hf-scan verify</c>: one token on standard input, described in the words of <c>scan --verify</c>.</summary>
[TestClass]
public sealed class VerifyCommandTests
{
    [TestMethod]
    public async Task LiveWriteTokenIsDescribedAndExitsZero()
    {
        await using var hub = await FakeHub.StartAsync();
        string token = TestTokens.NewUser();
        hub.Serve(token, Reply.Write);
        var run = await CliRun.RunWithInputAsync(token + "\n", "verify", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        string[] lines = run.Out.Split('\n');
        Assert.AreEqual($"{Redacted(token)}: LIVE write token of user writer-user — CRITICAL", lines[0]);
        StringAssert.Contains(run.Out, "    organizations: some-org (admin), other-org (read)");
        StringAssert.Contains(run.Out, "fine-grained token limited to this project's repositories");
        Assert.AreEqual(1, hub.RequestsFor(token));
        TestTokens.AssertNotIn(run.All, [token]);
    }

    [TestMethod]
    public async Task FineGrainedTokenListsWhatItCanAccess()
    {
        await using var hub = await FakeHub.StartAsync();
        string token = TestTokens.NewUser();
        hub.Serve(token, Reply.FineGrained);
        var run = await CliRun.RunWithInputAsync(token, "verify", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(0, run.ExitCode);
        StringAssert.Contains(run.Out, "LIVE fine-grained token of user scoped-user — CRITICAL");
        StringAssert.Contains(run.Out, "    model scoped-user/some-model: repo.content.read, repo.write");
        StringAssert.Contains(run.Out, "    everywhere: discussion.write, post.write");
    }

    [TestMethod]
    [DataRow(Reply.Invalid, 1, "INVALID (revoked or never valid) — NOTE")]
    [DataRow(Reply.ServerError, 2, "UNKNOWN: server error: HTTP 500 — MEDIUM")]
    [DataRow(Reply.Malformed, 2, "UNKNOWN: malformed answer: HTTP 200 but the answer is not JSON — MEDIUM")]
    public async Task OtherVerdictsHaveTheirExitCodes(Reply reply, int exitCode, string words)
    {
        await using var hub = await FakeHub.StartAsync();
        string token = TestTokens.NewUser();
        hub.Serve(token, reply);
        var run = await CliRun.RunWithInputAsync(token, "verify", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(exitCode, run.ExitCode);
        StringAssert.Contains(run.Out, words);
        TestTokens.AssertNotIn(run.All, [token]);
    }

    [TestMethod]
    public async Task InputThatIsNotExactlyOneTokenIsRefusedUnsentAndUnechoed()
    {
        await using var hub = await FakeHub.StartAsync();
        string token = TestTokens.NewUser(), other = TestTokens.NewUser();
        foreach (string input in new[] { "", "HF_TOKEN=" + token, token + "\n" + other, token + "x", new string('a', 5000) })
        {
            var run = await CliRun.RunWithInputAsync(input, "verify", "--hf-endpoint", hub.Address.AbsoluteUri);
            Assert.AreEqual(2, run.ExitCode);
            StringAssert.Contains(run.Error, "not one Hugging Face token");
            TestTokens.AssertNotIn(run.All, [token, other]);
        }

        Assert.IsEmpty(hub.Targets);
    }

    [TestMethod]
    public async Task TokenAsAnArgumentIsRefusedWithoutEchoingIt()
    {
        await using var hub = await FakeHub.StartAsync();
        string token = TestTokens.NewUser();
        var run = await CliRun.RunWithInputAsync(string.Empty, "verify", token, "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "standard input, never from an argument");
        TestTokens.AssertNotIn(run.All, [token]);
        Assert.IsEmpty(hub.Targets);
    }

    [TestMethod]
    [DoNotParallelize]
    public async Task HfEndpointEnvironmentVariableChoosesTheHubAndIsHeldToTheSamePolicy()
    {
        await using var hub = await FakeHub.StartAsync();
        string token = TestTokens.NewUser();
        hub.Serve(token, Reply.Read);
        string? saved = Environment.GetEnvironmentVariable(HfEndpoint.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(HfEndpoint.EnvironmentVariable, hub.Address.AbsoluteUri);
            var run = await CliRun.RunWithInputAsync(token, "verify");
            Assert.AreEqual(0, run.ExitCode, run.Error);
            Assert.AreEqual(1, hub.RequestsFor(token));

            Environment.SetEnvironmentVariable(HfEndpoint.EnvironmentVariable, "http://example.com");
            run = await CliRun.RunWithInputAsync(token, "verify");
            Assert.AreEqual(2, run.ExitCode);
            StringAssert.Contains(run.Error, "HF_ENDPOINT 'http://example.com' uses plain HTTP");
        }
        finally
        {
            Environment.SetEnvironmentVariable(HfEndpoint.EnvironmentVariable, saved);
        }
    }

    private static string Redacted(string token) => Secret.Redact(TokenRules.UserToken, token);
}
