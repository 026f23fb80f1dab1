using System.Text.Json;
using HfSecretScan.Verification;

namespace HfSecretScan.Hub.Tests;

/// <summary>
/// The organisation <c>acme</c> on a stand-in Hub, with one case per repository: a token added
/// then deleted in a model, a token only in a dataset's <c>refs/pr/1</c>, a token at HEAD of a
/// Space, a private model, a Space whose git answers 500, a token in a discussion comment, and a
/// clean model on the second page of the listing.
/// </summary>
internal sealed class HubScenario : IAsyncDisposable
{
    private HubScenario(FakeHubServer server) => Server = server;

    public FakeHubServer Server { get; }

    /// <summary>The auditor's own token: sees the private model.</summary>
    public string AuditorToken { get; } = TestTokens.NewUser();

    public string DeletedToken { get; } = TestTokens.NewUser();

    public string PullRequestToken { get; } = TestTokens.NewUser();

    public string SpaceToken { get; } = TestTokens.NewUser();

    public string PrivateToken { get; } = TestTokens.NewUser();

    public string DiscussionToken { get; } = TestTokens.NewUser();

    public string SpaceCommit { get; private set; } = string.Empty;

    public FakeRepository Model { get; private set; } = null!;

    public static async Task<HubScenario> CreateAsync()
    {
        var scenario = new HubScenario(await FakeHubServer.StartAsync());
        scenario.Build();
        return scenario;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private void Build()
    {
        Server.PrivilegedTokens.Add(AuditorToken);

        Model = Server.Add(HubRepositoryKind.Model, "acme/model-x");
        Model.Commit("config.py", $"token = \"{DeletedToken}\"\n", "add token");
        Model.Commit("config.py", "token = None\n", "remove token");
        Model.Commit("model.safetensors", "version https://git-lfs.github.com/spec/v1\noid sha256:" + new string('a', 64) + "\nsize 123456789\n", "weights");
        Model.Discussions[3] = Discussion(3, "Error when loading", ("bob", "It fails, see below"), ("bob", $"here is my error log: HF_TOKEN={DiscussionToken}"));

        var data = Server.Add(HubRepositoryKind.Dataset, "acme/data");
        data.Commit("README.md", "# data\n", "init");
        data.Git("checkout", "-q", "-b", "proposal");
        data.Commit("load.py", $"login(\"{PullRequestToken}\")\n", "proposal");
        data.Git("update-ref", "refs/pr/1", "HEAD");
        data.Git("checkout", "-q", "main");
        data.Git("branch", "-q", "-D", "proposal");

        var space = Server.Add(HubRepositoryKind.Space, "acme/demo");
        SpaceCommit = space.Commit("app.py", $"import os\n\napi = HfApi(token=\"{SpaceToken}\")\n", "app");

        var secret = Server.Add(HubRepositoryKind.Model, "acme/private-model", isPrivate: true);
        secret.Commit("train.py", $"TOKEN = '{PrivateToken}'\n", "train");

        Server.Add(HubRepositoryKind.Space, "acme/broken", gitFails: true);

        Server.Add(HubRepositoryKind.Model, "acme/other").Commit("README.md", "# other\n", "init");

        // Third public model (fourth with the private one): on the listing's second page.
        Server.Add(HubRepositoryKind.Model, "acme/zz-clean").Commit("README.md", "# clean\n", "init");
    }

    public static string Discussion(int num, string title, params (string Author, string Raw)[] comments) =>
        JsonSerializer.Serialize(new
        {
            num,
            title,
            status = "open",
            isPullRequest = false,
            author = new { name = comments[0].Author },
            events = comments.Select((c, i) => new
            {
                id = $"e{i}",
                type = "comment",
                author = new { name = c.Author },
                data = new { edited = false, hidden = false, latest = new { raw = c.Raw, html = "<p>…</p>", author = new { name = c.Author } } },
            }),
        });
}
