using System.Text.Json;

namespace HfSecretScan.Hub.Tests;

/// <summary>Audits of the stand-in Hub through the CLI: real git repositories served by git http-backend, a few seconds in all.</summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class HubAuditTests
{
    private static HubScenario _hub = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _hub = await HubScenario.CreateAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await _hub.DisposeAsync();

    private static string Endpoint => _hub.Server.Endpoint;

    private static async Task<CliResult> AuditAsync(string? token, params string[] args)
    {
        using var environment = new HubEnvironment(token);
        var result = await CliRun.RunAsync(["hub", .. args, "--hf-endpoint", Endpoint]);
        TestTokens.AssertNotIn(result.All, [_hub.AuditorToken]);
        CliRun.AssertNoWholeToken(result.All, "hub output");
        return result;
    }

    private static JsonElement[] Findings(CliResult result) => [.. JsonDocument.Parse(result.Out).RootElement.GetProperty("findings").EnumerateArray()];

    private static JsonElement FindingOf(CliResult result, string token) =>
        Findings(result).Single(f => f.GetProperty("redacted").GetString() == token[..7] + "…");

    [TestMethod]
    public async Task Organisation_AuditFindsEveryCase_AndReportsTheBrokenSpace()
    {
        var result = await AuditAsync(_hub.AuditorToken, "acme", "--format", "json");

        Assert.AreEqual(1, result.ExitCode, result.All);
        var deleted = FindingOf(result, _hub.DeletedToken);
        Assert.AreEqual("acme/model-x", deleted.GetProperty("repository").GetString());
        Assert.AreEqual("config.py", deleted.GetProperty("path").GetString());
        Assert.AreEqual(40, deleted.GetProperty("commit").GetProperty("id").GetString()!.Length);

        var pullRequest = FindingOf(result, _hub.PullRequestToken);
        Assert.AreEqual("datasets/acme/data", pullRequest.GetProperty("repository").GetString());
        Assert.AreEqual("load.py", pullRequest.GetProperty("path").GetString());

        var space = FindingOf(result, _hub.SpaceToken);
        Assert.AreEqual("spaces/acme/demo", space.GetProperty("repository").GetString());
        Assert.AreEqual(3, space.GetProperty("line").GetInt32());
        Assert.AreEqual(_hub.SpaceCommit, space.GetProperty("commit").GetProperty("id").GetString());

        Assert.AreEqual("acme/private-model", FindingOf(result, _hub.PrivateToken).GetProperty("repository").GetString());

        var discussion = FindingOf(result, _hub.DiscussionToken);
        Assert.AreEqual("discussions/3", discussion.GetProperty("path").GetString());
        Assert.AreEqual(3, discussion.GetProperty("discussion").GetProperty("num").GetInt32());
        Assert.AreEqual("comment 2", discussion.GetProperty("discussion").GetProperty("event").GetString());
        Assert.AreEqual($"{Endpoint}/acme/model-x/discussions/3", discussion.GetProperty("url").GetString());

        var root = JsonDocument.Parse(result.Out).RootElement;
        var problem = root.GetProperty("problems").EnumerateArray().Single();
        Assert.AreEqual("spaces/acme/broken", problem.GetProperty("path").GetString());
        Assert.Contains("500", problem.GetProperty("message").GetString()!);
        Assert.AreEqual(1, root.GetProperty("summary").GetProperty("lfsPointersNotScanned").GetInt32());

        // The clean model is on the listing's second page: it was fetched.
        Assert.IsTrue(_hub.Server.Requests.Any(r => r.Target.StartsWith("/acme/zz-clean/info/refs", StringComparison.Ordinal)));

        // The auditor's token went as a bearer to the API and as Basic credentials to git, never in an address.
        Assert.IsFalse(_hub.Server.Requests.Any(r => r.Target.Contains(_hub.AuditorToken, StringComparison.Ordinal)));
        Assert.IsTrue(_hub.Server.Requests.Any(r => r.Target.StartsWith("/acme/private-model/", StringComparison.Ordinal) && r.Scheme == "Basic"));
    }

    [TestMethod]
    public async Task Text_NamesRepositoryCommitAndDiscussion()
    {
        var result = await AuditAsync(null, "spaces/acme/demo", "acme/model-x", "--no-discussions");
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.Contains(result.Out, $"spaces/acme/demo@{_hub.SpaceCommit[..12]}:app.py:3:");
        StringAssert.Contains(result.Out, "1 LFS file not downloaded, not scanned");
        Assert.DoesNotContain("#3", result.Out);

        var withDiscussions = await AuditAsync(null, "acme/model-x");
        StringAssert.Contains(withDiscussions.Out, "acme/model-x#3 (comment 2):1:");
    }

    [TestMethod]
    public async Task Sarif_LinksToTheFileAtItsCommitAndToTheDiscussion()
    {
        var result = await AuditAsync(null, "spaces/acme/demo", "acme/model-x", "--format", "sarif");
        string[] uris = [.. JsonDocument.Parse(result.Out).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)];
        CollectionAssert.Contains(uris, $"{Endpoint}/spaces/acme/demo/blob/{_hub.SpaceCommit}/app.py");
        CollectionAssert.Contains(uris, $"{Endpoint}/acme/model-x/discussions/3");
    }

    [TestMethod]
    public async Task WithoutToken_ThePrivateModelIsNotListed_AndNamedItCannotBeFetched()
    {
        var listed = await AuditAsync(null, "acme", "--format", "json", "--no-discussions");
        Assert.IsFalse(Findings(listed).Any(f => f.GetProperty("repository").GetString() == "acme/private-model"));

        var named = await AuditAsync(null, "acme/private-model", "--format", "json");
        Assert.AreEqual(2, named.ExitCode, named.All);
        string[] paths = [.. JsonDocument.Parse(named.Out).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()!)];
        CollectionAssert.AreEquivalent(new[] { "acme/private-model", "acme/private-model:discussions" }, paths);
        StringAssert.Contains(named.Out, "remote authentication required");
    }

    [TestMethod]
    public async Task Cache_SecondRunFetchesNothingUnchanged_AndFetchesWhatChanged()
    {
        using var cache = new TempFolder();
        int UploadPacks() => _hub.Server.Requests.Count(r => r.Method == "POST" && r.Target.StartsWith("/spaces/acme/demo/git-upload-pack", StringComparison.Ordinal));

        var first = await AuditAsync(null, "spaces/acme/demo", "--cache", cache.Path, "--no-discussions");
        int afterFirst = UploadPacks();
        var second = await AuditAsync(null, "spaces/acme/demo", "--cache", cache.Path, "--no-discussions");

        Assert.AreEqual(1, first.ExitCode, first.All);
        Assert.AreEqual(1, second.ExitCode, second.All);
        Assert.AreEqual(afterFirst, UploadPacks(), "an unchanged repository was downloaded again");
        Assert.IsTrue(Directory.Exists(Path.Combine(cache.Path, "spaces", "acme", "demo.git")));
    }

    [TestMethod]
    public async Task Shards_SplitTheListingWithoutOverlap()
    {
        var seen = new List<string>();
        foreach (string shard in new[] { "1/2", "2/2" })
        {
            int before = _hub.Server.Requests.Count;
            await AuditAsync(_hub.AuditorToken, "acme", "--shard", shard, "--no-discussions", "--format", "json");
            seen.AddRange(_hub.Server.Requests.Skip(before)
                .Where(r => r.Method == "GET" && r.Target.Contains("/info/refs", StringComparison.Ordinal))
                .Select(r => r.Target[1..r.Target.IndexOf("/info/refs", StringComparison.Ordinal)])
                .Distinct());
        }

        string[] all = ["acme/model-x", "acme/other", "acme/private-model", "acme/zz-clean", "datasets/acme/data", "spaces/acme/broken", "spaces/acme/demo"];
        CollectionAssert.AreEquivalent(all, seen, string.Join(", ", seen));
    }

    [TestMethod]
    public async Task Verify_SaysWhatTheLeakedTokenReaches_AndTheWorstOfIt()
    {
        _hub.Server.AnswerWhoAmI(_hub.SpaceToken, """
            {"type":"user","name":"demo-user","orgs":[{"name":"acme","roleInOrg":"admin"}],
             "auth":{"type":"access_token","accessToken":{"displayName":"space","role":"write"}}}
            """);
        _hub.Server.PrivilegedTokens.Add(_hub.SpaceToken);

        var result = await AuditAsync(null, "spaces/acme/demo", "--verify", "--format", "json", "--no-discussions");

        Assert.AreEqual(1, result.ExitCode, result.All);
        var verification = FindingOf(result, _hub.SpaceToken).GetProperty("verification");
        var acme = verification.GetProperty("reach").EnumerateArray().Single(r => r.GetProperty("owner").GetString() == "acme");
        Assert.AreEqual(3, acme.GetProperty("models").GetProperty("public").GetInt32());
        Assert.AreEqual(1, acme.GetProperty("models").GetProperty("private").GetInt32());
        Assert.AreEqual(2, acme.GetProperty("spaces").GetProperty("public").GetInt32());
        Assert.AreEqual(1, acme.GetProperty("writable").GetProperty("private").GetInt32());
        Assert.AreEqual(6, acme.GetProperty("writable").GetProperty("public").GetInt32());
        Assert.IsTrue(acme.GetProperty("complete").GetBoolean());
        StringAssert.StartsWith(FindingOf(result, _hub.SpaceToken).GetProperty("remediation").GetString(), "Can write 1 private repository of acme: revoke now.");

        // Three listings per owner (demo-user and acme), whatever their size.
        Assert.AreEqual(6, _hub.Server.Requests.Count(r => r.Target.Contains("limit=1000", StringComparison.Ordinal) && r.Scheme == "Bearer"));

        var text = await AuditAsync(null, "spaces/acme/demo", "--verify", "--no-discussions");
        StringAssert.Contains(text.Out, "reaches acme (admin): 4 models (1 private), 1 dataset (0 private), 2 Spaces (0 private); can write 7 (1 private)");
    }

    [TestMethod]
    public async Task RateLimitedListing_WaitsTheTimeTheHeaderGives_ThenGoesOn()
    {
        _hub.Server.RateLimitedListings = 1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await AuditAsync(null, "acme", "--no-discussions", "--format", "json");
        Assert.AreEqual(0, _hub.Server.RateLimitedListings);
        Assert.IsTrue(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"did not wait: {clock.Elapsed}");
        Assert.IsFalse(JsonDocument.Parse(result.Out).RootElement.GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("path").GetString()!.StartsWith("acme", StringComparison.Ordinal) && p.GetProperty("message").GetString()!.Contains("list", StringComparison.Ordinal)), result.Out);
        Assert.IsTrue(Findings(result).Any(f => f.GetProperty("repository").GetString() == "acme/model-x"));
    }
}
