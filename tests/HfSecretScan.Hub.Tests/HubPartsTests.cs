using HfSecretScan.Verification;

namespace HfSecretScan.Hub.Tests;

/// <summary>The Hub audit's pure parts: targets, shards, the token's lookup, links, discussions, write access.</summary>
[TestClass]
public sealed class HubPartsTests
{
    [TestMethod]
    [DataRow("acme/model-x", HubRepositoryKind.Model, "acme/model-x")]
    [DataRow("models/acme/model-x", HubRepositoryKind.Model, "acme/model-x")]
    [DataRow("datasets/acme/data", HubRepositoryKind.Dataset, "datasets/acme/data")]
    [DataRow("spaces/acme/demo/", HubRepositoryKind.Space, "spaces/acme/demo")]
    public void Target_RepositoryIds(string target, HubRepositoryKind kind, string webPath)
    {
        var repository = HubTarget.Parse(target).Repository!;
        Assert.AreEqual(kind, repository.Kind);
        Assert.AreEqual(webPath, repository.WebPath);
    }

    [TestMethod]
    public void Target_Owner() => Assert.AreEqual("acme", HubTarget.Parse("acme").Owner);

    [TestMethod]
    public void Shards_CoverEveryRepositoryOnce_AndStayPutWhenOthersAreAdded()
    {
        var repositories = Enumerable.Range(0, 200).Select(i => new HubRepositoryId(HubRepositoryKind.Model, $"acme/m{i}")).ToList();
        var shards = Enumerable.Range(1, 4).Select(k => new HubShard(k, 4)).ToList();
        foreach (var repository in repositories)
        {
            Assert.AreEqual(1, shards.Count(s => s.Contains(repository)), repository.WebPath);
        }

        Assert.IsTrue(shards.All(s => repositories.Count(s.Contains) > 20), "parts are very uneven");
        Assert.IsTrue(new HubShard(1, 1).Contains(repositories[0]));
    }

    [TestMethod]
    public void Token_VariableFirst_ThenTokenPath_ThenHfHome()
    {
        using var folder = new TempFolder();
        string fromVariable = TestTokens.NewUser();
        string fromPath = TestTokens.NewUser();
        string fromHome = TestTokens.NewOrg();
        string path = folder.Write("elsewhere", fromPath + "\r\n");
        folder.Write("home/token", "  " + fromHome + "\n");
        string home = Path.Combine(folder.Path, "home");

        Assert.AreEqual(fromVariable, HubToken.Find(n => n switch { "HF_TOKEN" => fromVariable, "HF_TOKEN_PATH" => path, _ => null })!.Reveal());
        Assert.AreEqual(fromPath, HubToken.Find(n => n switch { "HF_TOKEN" => " ", "HF_TOKEN_PATH" => path, "HF_HOME" => home, _ => null })!.Reveal());
        var org = HubToken.Find(n => n == "HF_HOME" ? home : null)!;
        Assert.AreEqual(fromHome, org.Reveal());
        Assert.AreEqual(Detection.TokenRules.OrgToken, org.Rule);
        Assert.IsNull(HubToken.Find(n => n == "HF_HOME" ? Path.Combine(folder.Path, "none") : null));
    }

    [TestMethod]
    public void LinkHeader_FindsNextAmongOthers()
    {
        var requested = new Uri("https://hub.test/api/models?author=acme");
        Assert.AreEqual(
            new Uri("https://hub.test/api/models?author=acme&cursor=abc"),
            LinkHeader.Next("<https://hub.test/api/models?author=acme&cursor=zzz>; rel=\"prev\", <https://hub.test/api/models?author=acme&cursor=abc>; rel=\"next\"", requested));
        Assert.IsNull(LinkHeader.Next("<https://hub.test/x>; rel=\"last\"", requested));
    }

    [TestMethod]
    public void ApiClient_RefusesToFollowALinkOffTheEndpoint()
    {
        var endpoint = HfEndpoint.Parse("https://hub.test/mirror");
        Assert.IsTrue(endpoint.Contains(new Uri("https://hub.test/mirror/api/models?cursor=1")));
        Assert.IsFalse(endpoint.Contains(new Uri("https://evil.test/mirror/api/models")));
        Assert.IsFalse(endpoint.Contains(new Uri("http://hub.test/mirror/api/models")));
        Assert.IsFalse(endpoint.Contains(new Uri("https://hub.test/other/api/models")));
    }

    [TestMethod]
    public void Discussion_EveryTextIncludingEditsAndOldTitles()
    {
        string json = """
            {"num":3,"title":"Now","author":{"name":"bob"},"events":[
              {"type":"comment","author":{"name":"bob"},"data":{"edited":true,"hidden":true,"latest":{"raw":"redacted now","author":{"name":"bob"}},"history":[{"raw":"redacted now"},{"raw":"first version"}]}},
              {"type":"status-change","data":{"status":"closed"}},
              {"type":"title-change","author":{"name":"eve"},"data":{"from":"Before","to":"Now"}},
              {"type":"comment","author":{"name":"eve"},"data":{"latest":{"raw":"second"}}}]}
            """;
        var texts = DiscussionParser.ParseDetails(json).Select(t => $"{t.Event}|{t.Text}|{t.Author}").ToList();
        CollectionAssert.AreEqual(
            new[] { "title|Now|bob", "comment 1|redacted now|bob", "comment 1, edit 2|first version|bob", "title change 3|Before\nNow|eve", "comment 2|second|eve" },
            texts);
    }

    [TestMethod]
    public void DiscussionPage_MoreWhileStartPlusItemsBelowCount()
    {
        Assert.IsTrue(DiscussionParser.ParsePage("""{"discussions":[{"num":9},{"num":8}],"count":3,"start":0}""").More);
        var (numbers, more) = DiscussionParser.ParsePage("""{"discussions":[{"num":7}],"count":3,"start":2}""");
        CollectionAssert.AreEqual(new[] { 7 }, numbers.ToArray());
        Assert.IsFalse(more);
    }

    /// <summary>A number that is not a 32-bit integer threw <see cref="FormatException"/>, which the discussion scan did not catch.</summary>
    [TestMethod]
    [DataRow("1e100")]
    [DataRow("2147483648")]
    [DataRow("1.5")]
    public void DiscussionPage_NumberNotAnInt32IsAMalformedAnswer(string number)
    {
        var e = Assert.ThrowsExactly<System.Text.Json.JsonException>(() => DiscussionParser.ParsePage($$"""{"discussions":[{"num":{{number}}}],"count":1,"start":0}"""));

        StringAssert.Contains(e.Message, "not a 32-bit integer");
    }

    [TestMethod]
    public void Writable_FollowsRoleAndFineGrainedScopes()
    {
        var write = new TokenVerification { Status = TokenStatus.Live, Severity = VerificationSeverity.Critical, Role = "write", CanWrite = true };
        Assert.IsTrue(ReachSurvey.CanWrite(write, "me", "owner", HubRepositoryKind.Model, "me/m"));
        Assert.IsTrue(ReachSurvey.CanWrite(write, "acme", "write", HubRepositoryKind.Model, "acme/m"));
        Assert.IsFalse(ReachSurvey.CanWrite(write, "acme", "read", HubRepositoryKind.Model, "acme/m"));

        var read = write with { Role = "read", CanWrite = false };
        Assert.IsFalse(ReachSurvey.CanWrite(read, "me", "owner", HubRepositoryKind.Model, "me/m"));

        var scoped = write with
        {
            Role = WriteAccess.FineGrainedRole,
            Scopes = [new TokenScope("space", "acme/demo", ["repo.content.read", "repo.write"]), new TokenScope("org", "labs", ["repo.write"])],
        };
        Assert.IsTrue(ReachSurvey.CanWrite(scoped, "acme", "admin", HubRepositoryKind.Space, "acme/demo"));
        Assert.IsFalse(ReachSurvey.CanWrite(scoped, "acme", "admin", HubRepositoryKind.Model, "acme/demo"));
        Assert.IsFalse(ReachSurvey.CanWrite(scoped, "acme", "admin", HubRepositoryKind.Space, "acme/other"));
        Assert.IsTrue(ReachSurvey.CanWrite(scoped, "labs", "read", HubRepositoryKind.Dataset, "labs/d"));
    }
}
