using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification.Tests.Cli;

/// <summary><c>scan --verify</c> against the stand-in Hub: the verdicts in every report format.</summary>
[TestClass]
public sealed partial class ScanVerifyTests
{
    /// <summary>Every documented answer, with the words and levels each format must show.</summary>
    private static readonly Expectation[] Expectations =
    [
        new(Reply.Write, "live", "critical", "error", "LIVE write token of user writer-user — CRITICAL", "write"),
        new(Reply.Read, "live", "high", "error", "LIVE read token of user reader-user — HIGH", "read"),
        new(Reply.FineGrained, "live", "critical", "error", "LIVE fine-grained token of user scoped-user — CRITICAL", "fineGrained"),
        new(Reply.FineGrainedReadOnly, "live", "high", "error", "LIVE fine-grained token of user careful-user — HIGH", "fineGrained"),
        new(Reply.Org, "live", "high", "error", "LIVE organization API token of org legacy-org — HIGH", null, Org: true),
        new(Reply.Invalid, "invalid", "note", "note", "INVALID (revoked or never valid) — NOTE", null),
        new(Reply.RateLimitedOnce, "live", "high", "error", "LIVE read token of user reader-user — HIGH", "read"),
        new(Reply.Slow, "unknown", "medium", "warning", "UNKNOWN: no answer within 2 s — MEDIUM", null),
        new(Reply.Malformed, "unknown", "medium", "warning", "UNKNOWN: malformed answer", null),
        new(Reply.ServerError, "unknown", "medium", "warning", "UNKNOWN: server error: HTTP 500 — MEDIUM", null),
    ];

    [TestMethod]
    public async Task TextShowsEachVerdictPlainly()
    {
        var (run, tokens) = await ScanAsync("text");
        foreach (var (expectation, token) in Expectations.Zip(tokens))
        {
            StringAssert.Contains(run.Out, $"{Redacted(token, expectation)} [{expectation.Words}", expectation.Reply.ToString());
        }

        StringAssert.Contains(run.Out, "    model scoped-user/some-model: repo.content.read, repo.write");
        StringAssert.Contains(run.Out, "    everywhere: discussion.write, post.write");
        StringAssert.Contains(run.Out, "    organizations: some-org (admin), other-org (read)");
        StringAssert.Contains(run.Out, "Emergency: this live write token of user writer-user can write. Replace it with a fine-grained token limited to this project's repositories");
        StringAssert.Contains(run.Out, "Emergency: this live fine-grained token of user scoped-user can write.");
        StringAssert.Contains(run.Out, "One token per project");
    }

    [TestMethod]
    public async Task JsonCarriesStatusSeverityRoleOwnerScopesAndOrgs()
    {
        var (run, tokens) = await ScanAsync("json");
        using var json = JsonDocument.Parse(run.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.HasCount(Expectations.Length + 1, findings, "one finding per token plus the copied write token");
        foreach (var (expectation, token) in Expectations.Zip(tokens))
        {
            var verification = findings.First(f => f.GetProperty("fingerprint").GetString() == Fingerprint(token, expectation)).GetProperty("verification");
            Assert.AreEqual(expectation.Status, verification.GetProperty("status").GetString(), expectation.Reply.ToString());
            Assert.AreEqual(expectation.Severity, verification.GetProperty("severity").GetString(), expectation.Reply.ToString());
            if (expectation.Status == "live")
            {
                Assert.AreEqual(expectation.Role, verification.GetProperty("role").GetString(), expectation.Reply.ToString());
                Assert.IsNotNull(verification.GetProperty("owner").GetProperty("name").GetString());
            }
            else
            {
                Assert.IsFalse(verification.TryGetProperty("role", out _));
            }

            Assert.AreEqual(expectation.Status == "unknown", verification.TryGetProperty("reason", out _));
        }

        var fineGrained = findings.First(f => f.GetProperty("fingerprint").GetString() == Fingerprint(tokens[2], Expectations[2])).GetProperty("verification");
        var scope = fineGrained.GetProperty("scopes")[0];
        Assert.AreEqual("model", scope.GetProperty("entityType").GetString());
        Assert.AreEqual("scoped-user/some-model", scope.GetProperty("entity").GetString());
        Assert.AreEqual("repo.write", scope.GetProperty("permissions")[1].GetString());
        Assert.AreEqual("post.write", fineGrained.GetProperty("globalPermissions")[1].GetString());
        var write = findings.First(f => f.GetProperty("fingerprint").GetString() == Fingerprint(tokens[0], Expectations[0]));
        Assert.AreEqual("admin", write.GetProperty("verification").GetProperty("orgs")[0].GetProperty("roleInOrg").GetString());
        StringAssert.Contains(write.GetProperty("remediation").GetString(), "fine-grained token limited to this project's repositories");
    }

    [TestMethod]
    public async Task SarifSetsTheLevelAndPutsStatusRoleAndScopesInProperties()
    {
        var (run, tokens) = await ScanAsync("sarif");
        using var sarif = JsonDocument.Parse(run.Out);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        foreach (var (expectation, token) in Expectations.Zip(tokens))
        {
            var result = results.First(r => r.GetProperty("partialFingerprints").GetProperty("hfTokenSha256/v1").GetString() == Fingerprint(token, expectation));
            Assert.AreEqual(expectation.Level, result.GetProperty("level").GetString(), expectation.Reply.ToString());
            var properties = result.GetProperty("properties");
            Assert.AreEqual(expectation.Status, properties.GetProperty("verificationStatus").GetString());
            Assert.AreEqual(expectation.Severity, properties.GetProperty("verificationSeverity").GetString());
            if (expectation.Status == "live")
            {
                Assert.AreEqual(expectation.Role ?? "access_token", properties.GetProperty("tokenRole").GetString());
            }

            StringAssert.Contains(result.GetProperty("message").GetProperty("text").GetString(), expectation.Words);
        }

        var fineGrained = results.First(r => r.GetProperty("partialFingerprints").GetProperty("hfTokenSha256/v1").GetString() == Fingerprint(tokens[2], Expectations[2])).GetProperty("properties");
        Assert.AreEqual("model scoped-user/some-model: repo.content.read, repo.write", fineGrained.GetProperty("tokenScopes")[0].GetString());
        Assert.AreEqual("discussion.write", fineGrained.GetProperty("tokenGlobalPermissions")[0].GetString());
    }

    [TestMethod]
    public async Task WithoutVerifyNothingIsSent()
    {
        await using var hub = await FakeHub.StartAsync();
        using var project = new TempFolder().With("a.env", "HF_TOKEN=" + TestTokens.NewUser() + "\n");
        var run = await CliRun.RunWithInputAsync(string.Empty, "scan", project.Path, "--hf-endpoint", hub.Address.AbsoluteUri);
        Assert.AreEqual(1, run.ExitCode);
        Assert.IsEmpty(hub.Targets);
        Assert.DoesNotContain("[", run.Out);
    }

    [TestMethod]
    [DataRow("http://example.com")]
    [DataRow("http://192.0.2.1:8080")]
    public async Task PlainHttpToAnotherMachineStopsTheRunBeforeAnyScan(string endpoint)
    {
        using var project = new TempFolder().With("a.env", "HF_TOKEN=" + TestTokens.NewUser() + "\n");
        var run = await CliRun.RunWithInputAsync(string.Empty, "scan", project.Path, "--verify", "--hf-endpoint", endpoint);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, "only over HTTPS");
        Assert.AreEqual(string.Empty, run.Out);
    }

    /// <summary>Scans a project holding one token per expectation (the write token twice) and checks what every run must hold.</summary>
    private static async Task<(CliResult Run, string[] Tokens)> ScanAsync(string format)
    {
        await using var hub = await FakeHub.StartAsync();
        var tokens = Expectations.Select(e => e.Org ? TestTokens.NewOrg() : TestTokens.NewUser()).ToArray();
        foreach (var (expectation, token) in Expectations.Zip(tokens))
        {
            hub.Serve(token, expectation.Reply);
        }

        string env = string.Concat(tokens.Select((t, i) => "TOKEN_" + i.ToString(CultureInfo.InvariantCulture) + "=" + t + "\n"));
        using var project = new TempFolder().With("secrets.env", env).With("copy.py", $"login(token=\"{tokens[0]}\")\n");
        var run = await CliRun.RunWithInputAsync(string.Empty, "scan", project.Path, "--verify", "--hf-endpoint", hub.Address.AbsoluteUri, "--verify-timeout", "2", "--format", format);
        Assert.AreEqual(1, run.ExitCode, run.Error);
        StringAssert.Contains(run.Error, $"Verifying {tokens.Length} distinct token(s) with {hub.Address.AbsoluteUri.TrimEnd('/')}");
        foreach (var (expectation, token) in Expectations.Zip(tokens))
        {
            Assert.AreEqual(expectation.Reply == Reply.RateLimitedOnce ? 2 : 1, hub.RequestsFor(token), $"requests for the {expectation.Reply} token");
        }

        // whoami-v2, then for a live token the survey of what it reaches (listings per owner); never a token in an address.
        Assert.IsTrue(hub.Targets.All(t => t == "/api/whoami-v2" || ReachListing().IsMatch(t)), string.Join(", ", hub.Targets));
        TestTokens.AssertNotIn(run.All, tokens);
        return (run, tokens);
    }

    [GeneratedRegex(@"^/api/(models|datasets|spaces)\?author=[a-z-]+&limit=1000&expand=private$")]
    private static partial Regex ReachListing();

    private static TokenRule Rule(Expectation expectation) => expectation.Org ? TokenRules.OrgToken : TokenRules.UserToken;

    private static string Redacted(string token, Expectation expectation) => Secret.Redact(Rule(expectation), token);

    private static string Fingerprint(string token, Expectation expectation) => new Secret(Rule(expectation), token).Fingerprint;

    private sealed record Expectation(Reply Reply, string Status, string Severity, string Level, string Words, string? Role, bool Org = false);
}
