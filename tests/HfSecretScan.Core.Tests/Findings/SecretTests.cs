using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Tests.Findings;

[TestClass]
public sealed class SecretTests
{
    [TestMethod]
    public void A_token_known_by_its_fingerprint_equals_the_token_and_cannot_be_revealed()
    {
        var token = new Secret(TokenRules.UserToken, TestTokens.User(907));
        var remembered = Secret.FromFingerprint(TokenRules.UserToken, token.Fingerprint, token.Redacted);

        Assert.AreEqual(token, remembered);
        Assert.AreEqual(token.GetHashCode(), remembered.GetHashCode());
        Assert.AreNotEqual(new Secret(TokenRules.UserToken, TestTokens.User(908)), remembered);
        Assert.AreEqual(token.Redacted, remembered.ToString());
        Assert.ThrowsExactly<InvalidOperationException>(() => remembered.Reveal());
    }
}
