namespace HfSecretScan.Verification.Tests.Engine;

[TestClass]
public sealed class RateLimitHeaderTests
{
    [TestMethod]
    [DataRow("\"api\";r=0;t=120", 120)]
    [DataRow("\"api\";r=5;t=30", 30)]
    [DataRow("\"api\";r=3;t=10, \"resolvers\";r=0;t=45", 45)]
    [DataRow("\"api\";r=0;t=7, \"other\";r=9;t=200", 7)]
    public void ReadsSecondsToReset(string value, int seconds) =>
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), RateLimitHeader.Parse(value));

    [TestMethod]
    [DataRow("")]
    [DataRow("\"api\";r=0")]
    [DataRow("\"api\";r=0;t=soon")]
    public void NamesNoWaitWhenThereIsNone(string value) => Assert.IsNull(RateLimitHeader.Parse(value));

    [TestMethod]
    public void FallsBackToRetryAfter()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "3");
        Assert.AreEqual(TimeSpan.FromSeconds(3), RateLimitHeader.WaitFrom(response.Headers));
        response.Headers.TryAddWithoutValidation("RateLimit", "\"api\";r=0;t=9");
        Assert.AreEqual(TimeSpan.FromSeconds(9), RateLimitHeader.WaitFrom(response.Headers));
    }
}
