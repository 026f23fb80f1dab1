using System.Text;
using HfSecretScan.Detection;

namespace HfSecretScan.Tests.Detection;

[TestClass]
public sealed class TokenMatcherTests
{
    [TestMethod]
    public void FindsUserTokenWithDigits()
    {
        string token = TestTokens.User(7);
        var found = TokenMatcher.FindAll(Encoding.UTF8.GetBytes($"login(token=\"{token}\")"), ByteForm.Ascii);
        Assert.HasCount(1, found);
        Assert.AreEqual(token, found[0].Value);
        Assert.AreEqual(13, found[0].Offset);
        Assert.AreSame(TokenRules.UserToken, found[0].Rule);
    }
}
