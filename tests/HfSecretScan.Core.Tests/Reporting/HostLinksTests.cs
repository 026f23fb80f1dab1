using HfSecretScan.Reporting;

namespace HfSecretScan.Tests.Reporting;

[TestClass]
public sealed class HostLinksTests
{
    [TestMethod]
    [DataRow("https://github.com/acme/widgets.git", "https://github.com/acme/widgets/commit/abc", "https://github.com/acme/widgets/blob/abc/src/my%20app.py#L3")]
    [DataRow("git@github.com:acme/widgets.git", "https://github.com/acme/widgets/commit/abc", "https://github.com/acme/widgets/blob/abc/src/my%20app.py#L3")]
    [DataRow("ssh://git@gitlab.com/group/sub/proj.git", "https://gitlab.com/group/sub/proj/-/commit/abc", "https://gitlab.com/group/sub/proj/-/blob/abc/src/my%20app.py#L3")]
    [DataRow("https://huggingface.co/datasets/acme/data", "https://huggingface.co/datasets/acme/data/commit/abc", "https://huggingface.co/datasets/acme/data/blob/abc/src/my%20app.py#L3")]
    [DataRow("https://hf.co/acme/model", "https://huggingface.co/acme/model/commit/abc", "https://huggingface.co/acme/model/blob/abc/src/my%20app.py#L3")]
    public void Known_hosts_link_commits_and_files(string remote, string commit, string file)
    {
        var links = HostLinks.FromRemote(remote)!;

        Assert.AreEqual(commit, links.Commit("abc"));
        Assert.AreEqual(file, links.File("abc", "src/my app.py", 3));
    }

    [TestMethod]
    [DataRow("https://git.example.com/acme/widgets.git")]
    [DataRow("/srv/git/widgets.git")]
    [DataRow("https://github.com/")]
    [DataRow(null)]
    public void Other_hosts_and_local_paths_get_no_links(string? remote) => Assert.IsNull(HostLinks.FromRemote(remote));

    [TestMethod]
    public void Credentials_are_dropped_from_the_remote_shown()
    {
        string token = TestTokens.User(801);

        Assert.AreEqual("https://huggingface.co/acme/model", RemoteUrl.WithoutCredentials($"https://user:{token}@huggingface.co/acme/model?x={token}"));
        Assert.AreEqual("https://github.com/acme/widgets.git", RemoteUrl.WithoutCredentials($"https://{token}@github.com/acme/widgets.git"));
        Assert.AreEqual("github.com:acme/widgets.git", RemoteUrl.WithoutCredentials("git@github.com:acme/widgets.git"));
        Assert.AreEqual("https://github.com/acme/widgets/commit/abc", HostLinks.FromRemote($"https://x:{token}@github.com/acme/widgets")!.Commit("abc"));
    }
}
