using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification.Tests.Engine;

[TestClass]
public sealed class TokenVerifierTests
{
    private static readonly VerifierOptions Fast = new() { Timeout = TimeSpan.FromSeconds(2), MaxRateLimitRetries = 1 };
    private static FakeHub _hub = null!;

    [ClassInitialize]
    public static async Task StartHub(TestContext context) => _hub = await FakeHub.StartAsync();

    [ClassCleanup]
    public static async Task StopHub() => await _hub.DisposeAsync();

    [TestMethod]
    public async Task ReadTokenIsLiveAndHigh()
    {
        var v = await VerifyAsync(Reply.Read);
        Assert.AreEqual(TokenStatus.Live, v.Status);
        Assert.AreEqual(VerificationSeverity.High, v.Severity);
        Assert.AreEqual("read", v.Role);
        Assert.IsFalse(v.CanWrite);
        Assert.AreEqual(new TokenOwner("reader-user", "user"), v.Owner);
        Assert.AreEqual("notebook", v.DisplayName);
    }

    [TestMethod]
    public async Task WriteTokenIsCriticalWithTheOwnersOrganisations()
    {
        var v = await VerifyAsync(Reply.Write);
        Assert.AreEqual(TokenStatus.Live, v.Status);
        Assert.AreEqual(VerificationSeverity.Critical, v.Severity);
        Assert.AreEqual("write", v.Role);
        Assert.IsTrue(v.CanWrite);
        CollectionAssert.AreEqual(new[] { new OrgMembership("some-org", "admin"), new OrgMembership("other-org", "read") }, v.Orgs.ToArray());
    }

    [TestMethod]
    public async Task FineGrainedTokenWithWritePermissionsIsCriticalWithItsScopes()
    {
        var v = await VerifyAsync(Reply.FineGrained);
        Assert.AreEqual(VerificationSeverity.Critical, v.Severity);
        Assert.AreEqual("fineGrained", v.Role);
        Assert.HasCount(2, v.Scopes);
        Assert.AreEqual("model", v.Scopes[0].EntityType);
        Assert.AreEqual("scoped-user/some-model", v.Scopes[0].EntityName);
        CollectionAssert.AreEqual(new[] { "repo.content.read", "repo.write" }, v.Scopes[0].Permissions.ToArray());
        CollectionAssert.AreEqual(new[] { "discussion.write", "post.write" }, v.GlobalPermissions.ToArray());
    }

    [TestMethod]
    public async Task FineGrainedReadOnlyTokenIsHigh()
    {
        var v = await VerifyAsync(Reply.FineGrainedReadOnly);
        Assert.AreEqual(TokenStatus.Live, v.Status);
        Assert.AreEqual(VerificationSeverity.High, v.Severity);
        Assert.IsFalse(v.CanWrite);
    }

    [TestMethod]
    [DataRow("org.manage")]
    [DataRow("inference.endpoints.write")]
    [DataRow("user.webhooks.write")]
    public void AnyWriteOrManagePermissionMakesAFineGrainedTokenWrite(string permission)
    {
        Assert.IsTrue(WriteAccess.CanWrite("fineGrained", "access_token", "user", [new TokenScope("model", "a/b", ["repo.content.read", permission])], []));
        Assert.IsTrue(WriteAccess.CanWrite("fineGrained", "access_token", "user", [], [permission]));
        Assert.IsFalse(WriteAccess.CanWrite("fineGrained", "access_token", "user", [new TokenScope("model", "a/b", ["repo.content.read"])], ["org.read"]));
    }

    [TestMethod]
    public async Task OrgTokenWithoutAccessTokenIsClassifiedByAuthType()
    {
        var v = await VerifyAsync(Reply.Org, TestTokens.NewOrg());
        Assert.AreEqual(TokenStatus.Live, v.Status);
        Assert.IsNull(v.Role);
        Assert.AreEqual("access_token", v.AuthType);
        Assert.IsTrue(v.IsOrgApiToken);
        Assert.AreEqual(VerificationSeverity.High, v.Severity);
        Assert.AreEqual(new TokenOwner("legacy-org", "org"), v.Owner);
    }

    [TestMethod]
    public void AnswerWithoutAnyAccessDescriptionCountsAsAbleToWrite()
    {
        var v = WhoAmIParser.Parse("""{"type":"user","name":"oauth-user","auth":{}}""");
        Assert.AreEqual(TokenStatus.Live, v.Status);
        Assert.AreEqual(VerificationSeverity.Critical, v.Severity);
    }

    [TestMethod]
    public async Task RejectedTokenIsInvalidAndANote()
    {
        var v = await VerifyAsync(Reply.Invalid);
        Assert.AreEqual(TokenStatus.Invalid, v.Status);
        Assert.AreEqual(VerificationSeverity.Note, v.Severity);
    }

    [TestMethod]
    public async Task RateLimitedTokenIsAskedAgainAfterTheRateLimitReset()
    {
        string token = TestTokens.NewUser();
        var clock = Stopwatch.StartNew();
        var v = await VerifyAsync(Reply.RateLimitedOnce, token);
        Assert.AreEqual(TokenStatus.Live, v.Status);
        Assert.AreEqual(2, _hub.RequestsFor(token));
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), clock.Elapsed, "waited less than the RateLimit header's t=1");
    }

    [TestMethod]
    public async Task StillRateLimitedAfterRetriesIsUnknown()
    {
        string token = TestTokens.NewUser();
        var v = await VerifyAsync(Reply.RateLimitedAlways, token);
        Assert.AreEqual(TokenStatus.Unknown, v.Status);
        Assert.AreEqual(VerificationSeverity.Medium, v.Severity);
        StringAssert.Contains(v.Reason, "HTTP 429");
        Assert.AreEqual(Fast.MaxRateLimitRetries + 1, _hub.RequestsFor(token));
    }

    [TestMethod]
    public async Task RateLimitLongerThanTheCapIsUnknownWithoutWaiting()
    {
        string token = TestTokens.NewUser();
        var clock = Stopwatch.StartNew();
        var v = await VerifyAsync(Reply.RateLimitedAlways, token, Fast with { MaxRateLimitWait = TimeSpan.FromMilliseconds(100) });
        Assert.AreEqual(TokenStatus.Unknown, v.Status);
        StringAssert.Contains(v.Reason, "longer than");
        Assert.AreEqual(1, _hub.RequestsFor(token));
        Assert.IsLessThan(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [TestMethod]
    public async Task AnswerSlowerThanTheTimeoutIsUnknown()
    {
        var clock = Stopwatch.StartNew();
        var v = await VerifyAsync(Reply.Slow);
        Assert.AreEqual(TokenStatus.Unknown, v.Status);
        Assert.AreEqual("no answer within 2 s", v.Reason);
        Assert.IsLessThan(TimeSpan.FromSeconds(5), clock.Elapsed);
    }

    [TestMethod]
    public async Task MalformedAnswerIsUnknown()
    {
        var v = await VerifyAsync(Reply.Malformed);
        Assert.AreEqual(TokenStatus.Unknown, v.Status);
        StringAssert.StartsWith(v.Reason, "malformed answer");
    }

    [TestMethod]
    public async Task ServerErrorIsUnknown()
    {
        var v = await VerifyAsync(Reply.ServerError);
        Assert.AreEqual(TokenStatus.Unknown, v.Status);
        Assert.AreEqual("server error: HTTP 500", v.Reason);
    }

    [TestMethod]
    public async Task RedirectIsNotFollowed()
    {
        string token = TestTokens.NewUser();
        var v = await VerifyAsync(Reply.Redirect, token);
        Assert.AreEqual(TokenStatus.Unknown, v.Status);
        StringAssert.Contains(v.Reason, "redirected (HTTP 302)");
        Assert.AreEqual(1, _hub.RequestsFor(token));
    }

    [TestMethod]
    public async Task NetworkErrorIsUnknownAndNamesNoToken()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        string token = TestTokens.NewUser();
        using var client = new HfApiClient(HfEndpoint.Parse($"http://127.0.0.1:{closedPort}"));
        var secret = new Secret(TokenRules.UserToken, token);
        var v = (await new TokenVerifier(client, Fast).VerifyAsync([secret]))[secret];
        Assert.AreEqual(TokenStatus.Unknown, v.Status);
        StringAssert.StartsWith(v.Reason, "network error");
        TestTokens.AssertNotIn(v.Reason!, [token]);
    }

    [TestMethod]
    public async Task EachDistinctTokenIsAskedOnceAndEveryFindingGetsItsVerdict()
    {
        string live = TestTokens.NewUser(), revoked = TestTokens.NewUser();
        _hub.Serve(live, Reply.Write);
        _hub.Serve(revoked, Reply.Invalid);
        var report = new ScanReport { Findings = [Finding(live, "a.py"), Finding(revoked, "b.py"), Finding(live, "c.py"), Finding(live, "d.py"), Finding(revoked, "e.py")] };
        using var client = new HfApiClient(HfEndpoint.Parse(_hub.Address.AbsoluteUri));
        var verified = await new TokenVerifier(client, Fast).VerifyAsync(report);
        Assert.AreEqual(1, _hub.RequestsFor(live));
        Assert.AreEqual(1, _hub.RequestsFor(revoked));
        CollectionAssert.AreEqual(
            new[] { TokenStatus.Live, TokenStatus.Invalid, TokenStatus.Live, TokenStatus.Live, TokenStatus.Invalid },
            verified.Findings.Select(f => f.Verification!.Status).ToArray());
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(2)]
    public async Task RequestsInFlightNeverExceedTheBound(int bound)
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Delay = TimeSpan.FromMilliseconds(150);
        var tokens = Enumerable.Range(0, 12).Select(_ => TestTokens.NewUser()).ToList();
        tokens.ForEach(t => hub.Serve(t, Reply.Read));
        using var client = new HfApiClient(HfEndpoint.Parse(hub.Address.AbsoluteUri));
        var verdicts = await new TokenVerifier(client, Fast with { MaxConcurrency = bound })
            .VerifyAsync(tokens.Select(t => new Secret(TokenRules.UserToken, t)));
        Assert.IsTrue(verdicts.Values.All(v => v.Status == TokenStatus.Live));
        Assert.IsLessThanOrEqualTo(bound, hub.MaxInFlight, "more requests in flight than the bound");
        Assert.IsGreaterThan(1, hub.MaxInFlight, "requests did not run concurrently at all");
        Assert.IsTrue(hub.Targets.All(t => t == "/api/whoami-v2"), "a token travelled in a URL");
    }

    private static Finding Finding(string token, string path) =>
        new() { Rule = TokenRules.UserToken, Secret = new Secret(TokenRules.UserToken, token), Path = path, Line = 1, Column = 1 };

    private static async Task<TokenVerification> VerifyAsync(Reply reply, string? token = null, VerifierOptions? options = null)
    {
        token ??= TestTokens.NewUser();
        _hub.Serve(token, reply);
        var rule = token.StartsWith("api", StringComparison.Ordinal) ? TokenRules.OrgToken : TokenRules.UserToken;
        var secret = new Secret(rule, token);
        using var client = new HfApiClient(HfEndpoint.Parse(_hub.Address.AbsoluteUri));
        var verdict = (await new TokenVerifier(client, options ?? Fast).VerifyAsync([secret]))[secret];
        TestTokens.AssertNotIn(verdict.Reason ?? string.Empty, [token]);
        return verdict;
    }
}
