using System.Text;
using HfSecretScan.Detection;

namespace HfSecretScan.Tests.Detection;

[TestClass]
public sealed class PlaceholderFilterTests
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Alphanumerics = Letters + "0123456789";

    private static string Repeat(string unit, int length = 34)
    {
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            sb.Append(unit);
        }

        return sb.ToString(0, length);
    }

    public static IEnumerable<object[]> Placeholders() =>
    [
        [Repeat("x")],
        [Repeat("X")],
        [Repeat("0")],
        [Repeat("a")],
        [Repeat("xX")],
        [Repeat("abc")],
        [Repeat("1234")],
        [Repeat("abcdefghijklmnopqrstuvwxyz")],
        [Repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZ")],
        [Repeat("0123456789")],
        [Repeat("aBcDeFgHiJkLmNoPqRsTuVwXyZ")],
        [Repeat("zyxwvutsrqponmlkjihgfedcba")],
        ["1234567890abcdefghijklmnopqrstuvwx"],
        ["QzR4" + Repeat("x", 30)],
        ["AbCdEfGh" + Repeat("X", 26)],
        ["Ab3" + Repeat("0", 8) + "k9Lm2Np4Qr6St8Uv1Wx3Yz5"],
        ["Xk2" + "ABCDEFGHI" + "p8Lm2Np4Qr6St8Uv1Wx3Yz"],
        [Repeat("YOURTOKENHERE")],
        [Repeat("YourTokenHere")],
        [Repeat("yourtoken")],
        [Repeat("TOKEN")],
        [Repeat("HFTOKEN")],
        [Repeat("MyHfToken")],
        [Repeat("secret")],
        [Repeat("REDACTED")],
        [Repeat("changeme")],
        [Repeat("ExampleToken")],
        [Repeat("YourHfTokenGoesHere1")],
        [Repeat("Put1Your2Token3Here4")],
        [Repeat("xK9mQ2vL8nR4wP7tY3")[..34]],
    ];

    [TestMethod]
    [DynamicData(nameof(Placeholders))]
    public void DropsHandMadeBodies(string body)
    {
        Assert.HasCount(34, body);
        Assert.IsTrue(PlaceholderFilter.IsPlaceholder(body), body);
        // And the matcher does not report them as tokens.
        Assert.IsEmpty(TokenMatcher.FindAll(Encoding.ASCII.GetBytes($"token = \"{TestTokens.UserPrefix}{body}\""), ByteForm.Ascii));
    }

    [TestMethod]
    public void DropsEmptyBody() => Assert.IsTrue(PlaceholderFilter.IsPlaceholder(""));

    [TestMethod]
    [DataRow(Letters, 1_000_000, 20240601)]
    [DataRow(Alphanumerics, 1_000_000, 20240602)]
    public void KeepsEveryRandomBody(string alphabet, int count, int seed)
    {
        var random = new Random(seed);
        Span<char> body = stackalloc char[34];
        int dropped = 0;
        string? firstDropped = null;
        for (int i = 0; i < count; i++)
        {
            random.GetItems(alphabet.AsSpan(), body);
            if (PlaceholderFilter.IsPlaceholder(body))
            {
                dropped++;
                firstDropped ??= body[..4].ToString();
            }
        }

        Assert.AreEqual(0, dropped, $"random bodies taken for placeholders; first starts with {firstDropped}");
    }

    [TestMethod]
    public void KeepsRealLookingBodiesWithShortRuns()
    {
        // Runs just below each threshold: 7 equal characters, 8 consecutive ones, 11 distinct characters.
        Assert.IsFalse(PlaceholderFilter.IsPlaceholder("Qk" + new string('z', 7) + "3Lm8Np2Rt6Wv9Yb4Dc1Fg5Hj7"));
        Assert.IsFalse(PlaceholderFilter.IsPlaceholder("Qk9" + "abcdefgh" + "3Lm8Np2Rt6Wv9Yb4Dc1Fg5H"));
        Assert.IsFalse(PlaceholderFilter.IsPlaceholder("abcdeABCDEf" + "fEDCBAedcba" + "aBcDeAbCdEf" + "a"));
    }
}
