using HfSecretScan.Tests;

namespace HfSecretScan.Verification.Tests;

/// <summary>Distinct token-shaped strings for each test, and the check that none leaks whole.</summary>
internal static class Secrets
{
    private static int _seed = 1000;

    /// <summary>A user token no other test uses.</summary>
    public static string NewUser() => TestTokens.User(Interlocked.Increment(ref _seed));

    /// <summary>An organization token no other test uses.</summary>
    public static string NewOrg() => TestTokens.Org(Interlocked.Increment(ref _seed));

    public static void AssertNotIn(string text, IEnumerable<string> tokens)
    {
        foreach (string token in tokens)
        {
            Assert.DoesNotContain(token, text, "A whole token appears in the output.");
        }
    }
}
