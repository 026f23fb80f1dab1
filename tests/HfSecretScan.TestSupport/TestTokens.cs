using System.Text;

namespace HfSecretScan.Tests;

/// <summary>
/// Builds token-shaped strings at run time, so that no token is ever committed (the repository
/// must scan clean with its own tool).
/// </summary>
public static class TestTokens
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static readonly string UserPrefix = "h" + "f_";
    public static readonly string OrgPrefix = "api" + "_org_";

    /// <summary>A random 34-character alphanumeric body from <paramref name="seed"/>.</summary>
    public static string Body(int seed, bool lettersOnly = false)
    {
        var random = new Random(seed);
        string alphabet = lettersOnly ? Letters : Alphanumerics;
        var sb = new StringBuilder(34);
        for (int i = 0; i < 34; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    public static string User(int seed = 1, bool lettersOnly = false) => UserPrefix + Body(seed, lettersOnly);

    public static string Org(int seed = 2) => OrgPrefix + Body(seed);

    // Shared by tests running in parallel: each asks for a seed of its own.
    private static int _freshSeed = 1000;

    /// <summary>A user token no other test uses.</summary>
    public static string NewUser() => User(Interlocked.Increment(ref _freshSeed));

    /// <summary>An organization token no other test uses.</summary>
    public static string NewOrg() => Org(Interlocked.Increment(ref _freshSeed));

    /// <summary>Fails when any of <paramref name="tokens"/> appears whole in <paramref name="text"/>.</summary>
    public static void AssertNotIn(string text, IEnumerable<string> tokens)
    {
        foreach (string token in tokens)
        {
            Assert.DoesNotContain(token, text, "A whole token appears in the output.");
        }
    }
}
