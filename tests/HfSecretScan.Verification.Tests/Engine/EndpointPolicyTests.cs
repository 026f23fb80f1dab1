namespace HfSecretScan.Verification.Tests.Engine;

[TestClass]
public sealed class EndpointPolicyTests
{
    [TestMethod]
    [DataRow("http://example.com")]
    [DataRow("http://10.0.0.1:8080")]
    [DataRow("http://127.0.0.1.nip.io")]
    [DataRow("http://huggingface.co")]
    public void RefusesPlainHttpToAnotherMachine(string address)
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => HfEndpoint.Parse(address, "--hf-endpoint"));
        StringAssert.Contains(e.Message, "only over HTTPS");
        StringAssert.StartsWith(e.Message, "--hf-endpoint");
    }

    [TestMethod]
    [DataRow("ftp://huggingface.co")]
    [DataRow("huggingface.co")]
    [DataRow("https://user:pass@huggingface.co")]
    [DataRow("https://huggingface.co/?x=1")]
    public void RefusesWhatIsNotAPlainHttpAddress(string address) =>
        Assert.ThrowsExactly<ArgumentException>(() => HfEndpoint.Parse(address));

    [TestMethod]
    [DataRow("https://huggingface.co", "https://huggingface.co/api/whoami-v2")]
    [DataRow("https://hub.example.com/base/", "https://hub.example.com/base/api/whoami-v2")]
    [DataRow("https://hub.example.com/base", "https://hub.example.com/base/api/whoami-v2")]
    [DataRow("http://127.0.0.1:5000", "http://127.0.0.1:5000/api/whoami-v2")]
    [DataRow("http://localhost:5000", "http://localhost:5000/api/whoami-v2")]
    [DataRow("http://[::1]:5000", "http://[::1]:5000/api/whoami-v2")]
    public void AcceptsHttpsAndLoopback(string address, string whoami)
    {
        var endpoint = HfEndpoint.Parse(address);
        Assert.AreEqual(whoami, endpoint.WhoAmIUri.AbsoluteUri);
        Assert.AreEqual(whoami.Replace("whoami-v2", "credentials/revoke", StringComparison.Ordinal), endpoint.RevokeUri.AbsoluteUri);
    }

    [TestMethod]
    public void OptionBeatsEnvironmentWhichBeatsTheDefault()
    {
        Assert.AreEqual("https://opt.example", HfEndpoint.Resolve("https://opt.example", "https://env.example").ToString());
        Assert.AreEqual("https://env.example", HfEndpoint.Resolve(null, "https://env.example").ToString());
        Assert.AreEqual("https://huggingface.co", HfEndpoint.Resolve(null, null).ToString());
        Assert.AreEqual("https://huggingface.co", HfEndpoint.Resolve(" ", "").ToString());
        StringAssert.StartsWith(Assert.ThrowsExactly<ArgumentException>(() => HfEndpoint.Resolve(null, "http://env.example")).Message, "HF_ENDPOINT");
    }
}
