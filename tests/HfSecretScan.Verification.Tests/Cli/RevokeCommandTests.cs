using System.Text.Json;
using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification.Tests.Cli;

/// <summary><c>hf-scan revoke</c>: find or read tokens, show them, confirm, post them to the revoke API.</summary>
[TestClass]
public sealed class RevokeCommandTests
{
    [TestMethod]
    public async Task ScannedTokensAreListedWhereFoundAndRevokedInOneRequest()
    {
        await using var hub = await FakeHub.StartAsync();
        string user = TestTokens.NewUser(), org = TestTokens.NewOrg();
        using var project = new TempFolder()
            .With("a.env", "HF_TOKEN=" + user + "\n")
            .With("b.py", $"x = 1\nlogin(token=\"{user}\")\norg = \"{org}\"\n");
        var run = await CliRun.RunWithInputAsync(string.Empty, "revoke", project.Path, "--yes", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Out, "2 token(s) to revoke at " + hub.Address.AbsoluteUri.TrimEnd('/'));
        StringAssert.Contains(run.Out, $"  {Secret.Redact(TokenRules.UserToken, user)}\n    found at a.env:1:10, b.py:2:14");
        StringAssert.Contains(run.Out, $"  {Secret.Redact(TokenRules.OrgToken, org)}\n    found at b.py:3:8");
        StringAssert.Contains(run.Out, "accepted the revocation of 2 token(s) (HTTP 202)");
        Assert.AreEqual(1, hub.RevokeBodies.Count);
        CollectionAssert.AreEquivalent(new[] { user, org }, Credentials(hub.RevokeBodies.Single()));
        Assert.IsEmpty(hub.Targets.Where(t => t != "/api/credentials/revoke"));
        TestTokens.AssertNotIn(run.All, [user, org]);
    }

    [TestMethod]
    [DataRow("n\n", false)]
    [DataRow("", false)]
    [DataRow("whatever\n", false)]
    [DataRow("y\n", true)]
    [DataRow("YES\n", true)]
    public async Task OnlyYesOnTheConsoleRevokes(string answer, bool revokes)
    {
        await using var hub = await FakeHub.StartAsync();
        string token = TestTokens.NewUser();
        using var project = new TempFolder().With("a.env", "HF_TOKEN=" + token + "\n");
        var run = await CliRun.RunWithInputAsync(answer, "revoke", project.Path, "--hf-endpoint", hub.Address.AbsoluteUri);
        StringAssert.Contains(run.Error, "Revoke these 1 token(s)?");
        if (revokes)
        {
            Assert.AreEqual(0, run.ExitCode, run.Error);
            CollectionAssert.AreEqual(new[] { token }, Credentials(hub.RevokeBodies.Single()));
        }
        else
        {
            Assert.AreEqual(1, run.ExitCode);
            StringAssert.Contains(run.Out, "Nothing revoked.");
            Assert.IsEmpty(hub.RevokeBodies);
        }
    }

    [TestMethod]
    public async Task StdinTakesOneTokenPerLineAndReportsOtherLinesByNumberOnly()
    {
        await using var hub = await FakeHub.StartAsync();
        string first = TestTokens.NewUser(), second = TestTokens.NewOrg();
        const string Stranger = "some-secret-of-another-shape";
        var run = await CliRun.RunWithInputAsync($"{first}\n\n  {second}  \n{Stranger}\n{first}\n", "revoke", "--stdin", "--yes", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(2, run.ExitCode, "a skipped line makes the run incomplete");
        StringAssert.Contains(run.Error, "<stdin>:4: not a Hugging Face token on its own; line skipped");
        Assert.DoesNotContain(Stranger, run.All);
        StringAssert.Contains(run.Out, "found at <stdin>:1:1, <stdin>:5:1");
        CollectionAssert.AreEqual(new[] { first, second }, Credentials(hub.RevokeBodies.Single()));
        TestTokens.AssertNotIn(run.All, [first, second]);
    }

    [TestMethod]
    public async Task StdinWithoutYesIsRefusedBecauseNobodyCouldConfirm()
    {
        await using var hub = await FakeHub.StartAsync();
        var run = await CliRun.RunWithInputAsync(TestTokens.NewUser() + "\n", "revoke", "--stdin", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "add --yes");
        Assert.IsEmpty(hub.Targets);
    }

    [TestMethod]
    public async Task VerifyShowsEachTokensStatusInTheList()
    {
        await using var hub = await FakeHub.StartAsync();
        string live = TestTokens.NewUser(), dead = TestTokens.NewUser();
        hub.Serve(live, Reply.Write);
        using var project = new TempFolder().With("a.env", $"A={live}\nB={dead}\n");
        var run = await CliRun.RunWithInputAsync(string.Empty, "revoke", project.Path, "--verify", "--yes", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Out, $"{Secret.Redact(TokenRules.UserToken, live)} [LIVE write token of user writer-user — CRITICAL]");
        StringAssert.Contains(run.Out, $"{Secret.Redact(TokenRules.UserToken, dead)} [INVALID (revoked or never valid) — NOTE]");
        TestTokens.AssertNotIn(run.All, [live, dead]);
    }

    [TestMethod]
    public async Task RefusedRevocationIsAnErrorAndSaysTheTokensMayStillWork()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.RevokeStatus = 500;
        string token = TestTokens.NewUser();
        var run = await CliRun.RunWithInputAsync(token, "revoke", "--stdin", "--yes", "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "failed (Hugging Face answered HTTP 500 instead of 202); they may still work");
        TestTokens.AssertNotIn(run.All, [token]);
    }

    [TestMethod]
    public async Task NothingFoundRevokesNothing()
    {
        await using var hub = await FakeHub.StartAsync();
        using var project = new TempFolder().With("clean.txt", "nothing here\n");
        var run = await CliRun.RunWithInputAsync(string.Empty, "revoke", project.Path, "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(0, run.ExitCode);
        StringAssert.Contains(run.Out, "No tokens found");
        Assert.IsEmpty(hub.Targets);
    }

    [TestMethod]
    public async Task PlainHttpToAnotherMachineIsRefusedBeforeAnything()
    {
        using var project = new TempFolder().With("a.env", "HF_TOKEN=" + TestTokens.NewUser() + "\n");
        var run = await CliRun.RunWithInputAsync("y\n", "revoke", project.Path, "--hf-endpoint", "http://example.com");
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "only over HTTPS");
        Assert.AreEqual(string.Empty, run.Out);
    }

    private static string[] Credentials(string body)
    {
        using var json = JsonDocument.Parse(body);
        Assert.AreEqual(1, json.RootElement.EnumerateObject().Count(), "the body holds only credentials");
        return [.. json.RootElement.GetProperty("credentials").EnumerateArray().Select(e => e.GetString()!)];
    }
}
