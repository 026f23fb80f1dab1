using System.Text;
using HfSecretScan.Detection;

namespace HfSecretScan.Tests.Detection;

[TestClass]
public sealed class TokenMatcherTests
{
    private static List<RawToken> Find(string text, ByteForm form = ByteForm.Ascii)
    {
        byte[] bytes = form switch
        {
            ByteForm.Utf16LE => Encoding.Unicode.GetBytes(text),
            ByteForm.Utf16BE => Encoding.BigEndianUnicode.GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text),
        };
        return TokenMatcher.FindAll(bytes, form);
    }

    private static string[] Values(string text, ByteForm form = ByteForm.Ascii) => [.. Find(text, form).Select(t => t.Value)];

    [TestMethod]
    public void FindsUserTokenWithDigits()
    {
        string token = TestTokens.User(7);
        Assert.IsTrue(token[3..].Any(char.IsAsciiDigit), "test setup: body must hold digits");
        var found = TokenMatcher.FindAll(Encoding.UTF8.GetBytes($"login(token=\"{token}\")"), ByteForm.Ascii);
        Assert.HasCount(1, found);
        Assert.AreEqual(token, found[0].Value);
        Assert.AreEqual(13, found[0].Offset);
        Assert.AreSame(TokenRules.UserToken, found[0].Rule);
    }

    [TestMethod]
    public void FindsLettersOnlyUserToken()
    {
        string token = TestTokens.User(3, lettersOnly: true);
        var found = Find($"HF_TOKEN={token}\n");
        Assert.HasCount(1, found);
        Assert.AreEqual(token, found[0].Value);
        Assert.AreSame(TokenRules.UserToken, found[0].Rule);
    }

    [TestMethod]
    public void FindsOrgToken()
    {
        string token = TestTokens.Org(5);
        var found = Find($"api_key: {token}");
        Assert.HasCount(1, found);
        Assert.AreEqual(token, found[0].Value);
        Assert.AreEqual(9, found[0].Offset);
        Assert.AreSame(TokenRules.OrgToken, found[0].Rule);
    }

    [TestMethod]
    public void FindsTokenAtStartAndEndOfContent()
    {
        string token = TestTokens.User(11);
        CollectionAssert.AreEqual(new[] { token }, Values(token));
    }

    [TestMethod]
    [DataRow(ByteForm.Ascii)]
    [DataRow(ByteForm.Utf16LE)]
    [DataRow(ByteForm.Utf16BE)]
    public void FindsBothRulesInEveryByteForm(ByteForm form)
    {
        string user = TestTokens.User(21), org = TestTokens.Org(22);
        var found = Find($"a {user}, b {org};", form);
        CollectionAssert.AreEqual(new[] { user, org }, found.Select(t => t.Value).ToArray());
        Assert.IsTrue(found.All(t => t.Form == form));
        Assert.AreEqual(2L * form.UnitSize(), found[0].Offset);
        Assert.AreEqual(42 * form.UnitSize(), found[1].ByteLength);
    }

    // Glued to a preceding word character: part of a longer identifier, not a token.
    [TestMethod]
    [DataRow("r")]
    [DataRow("_call_")]
    [DataRow("x_")]
    [DataRow("9")]
    [DataRow("_")]
    [DataRow("Z")]
    public void IgnoresPrefixGluedToAPrecedingWordCharacter(string before)
    {
        Assert.IsEmpty(Values($"x = {before}{TestTokens.User(1)} "));
        Assert.IsEmpty(Values($"x = {before}{TestTokens.Org(2)} "));
    }

    [TestMethod]
    [DataRow("A")]
    [DataRow("z")]
    [DataRow("0")]
    [DataRow("_")]
    public void IgnoresBodyFollowedByAWordCharacter(string after)
    {
        Assert.IsEmpty(Values($"x = {TestTokens.User(1)}{after} "));
        Assert.IsEmpty(Values($"x = {TestTokens.Org(2)}{after} "));
    }

    [TestMethod]
    [DataRow(" ")]
    [DataRow(",")]
    [DataRow(")")]
    [DataRow("<")]
    [DataRow("\"")]
    [DataRow("'")]
    [DataRow(";")]
    [DataRow("\n")]
    [DataRow("\r")]
    [DataRow("\\")]
    [DataRow("-")]
    [DataRow(".")]
    [DataRow("&")]
    [DataRow("@")]
    [DataRow("é")]
    public void FindsTokenFollowedByAnyNonWordCharacter(string after)
    {
        string token = TestTokens.User(4);
        CollectionAssert.AreEqual(new[] { token }, Values($"({token}{after}"));
    }

    [TestMethod]
    public void IgnoresLongerAndShorterRuns()
    {
        string body35 = TestTokens.Body(1) + "Q";
        string body33 = TestTokens.Body(1)[..33];
        Assert.IsEmpty(Values($"{TestTokens.UserPrefix}{body35} {TestTokens.UserPrefix}{body33} {TestTokens.OrgPrefix}{body35} {TestTokens.OrgPrefix}{body33}"));
    }

    [TestMethod]
    public void PrefixIsLowerCaseOnly()
    {
        string body = TestTokens.Body(6);
        Assert.IsEmpty(Values($"HF_{body} Hf_{body} hF_{body} API_ORG_{body} Api_Org_{body}"));
    }

    [TestMethod]
    public void IgnoresNonAlphanumericInBody()
    {
        string body = TestTokens.Body(8);
        Assert.IsEmpty(Values($"{TestTokens.UserPrefix}{body[..10]}-{body[11..]} {TestTokens.UserPrefix}{body[..10]}é{body[11..]}"));
    }

    [TestMethod]
    [DataRow("api_org_controller")]
    [DataRow("api_org_controller_for_huggingface_models_and_datasets_v2")]
    [DataRow("from api_org_settings import api_org_defaults")]
    [DataRow("hf_hub_download(repo_id=x)")]
    [DataRow("self._call_hf_processor(images=images)")]
    [DataRow("use_hf_transfer_for_huggingface_hub_downloads_everywhere")]
    public void IgnoresIdentifiersThatStartLikeATokenPrefix(string text)
    {
        Assert.IsEmpty(Values(text));
    }

    [TestMethod]
    public void IgnoresPrefixInsideLongerAlphanumericIdentifier()
    {
        // "…rhf_Sponsored…"-style: hf_ glued inside a longer identifier.
        string body = "Sponsored" + TestTokens.Body(12, lettersOnly: true)[..25];
        Assert.IsEmpty(Values($"var Othe{TestTokens.UserPrefix}{body} = 1;"));
    }

    // A backslash escape in a JSON string, notebook output or log ends the previous word.
    [TestMethod]
    [DataRow("\\n")]
    [DataRow("\\t")]
    [DataRow("\\r")]
    [DataRow("\\\"")]
    [DataRow("\\\\\\n")]
    [DataRow("\\u0022")]
    [DataRow("\\u0027")]
    [DataRow("\\u003D")]
    [DataRow("\\u003d")]
    public void FindsTokenRightAfterABackslashEscape(string escape)
    {
        string token = TestTokens.User(13);
        CollectionAssert.AreEqual(new[] { token }, Values($"{{\"text\": \"token:{escape}{token}\\n\"}}"));
        CollectionAssert.AreEqual(new[] { token }, Values($"{{\"text\": \"token:{escape}{token}\\n\"}}", ByteForm.Utf16LE));
    }

    [TestMethod]
    [DataRow("\\\\n")]
    [DataRow("\\\\t")]
    [DataRow("n")]
    [DataRow("\\\\u0022")]
    [DataRow("u0022")]
    [DataRow("\\u00")]
    public void DoesNotTakeAnEscapedBackslashOrBareLetterForAnEscape(string before)
    {
        // "\\n" is an escaped backslash followed by the letter n: the n is glued to the prefix.
        Assert.IsEmpty(Values($"\"x{before}{TestTokens.User(13)}\""));
    }

    [TestMethod]
    public void FindsAdjacentTokensSeparatedByOneCharacter()
    {
        string a = TestTokens.User(31), b = TestTokens.User(32), c = TestTokens.Org(33);
        CollectionAssert.AreEqual(new[] { a, b, c }, Values($"{a},{b}:{c}"));
    }

    [TestMethod]
    public void IgnoresMisalignedUtf16Candidates()
    {
        // In UTF-16 the prefix bytes may appear at an odd offset inside other characters.
        byte[] bytes = [0x41, .. Encoding.Unicode.GetBytes(" " + TestTokens.User(3) + " ")];
        var found = new List<RawToken>();
        TokenMatcher.Find(bytes, 0, 0, bytes.Length, ByteForm.Utf16LE, alignment: 0, found);
        Assert.IsEmpty(found);
        TokenMatcher.Find(bytes, 0, 0, bytes.Length, ByteForm.Utf16LE, alignment: 1, found);
        Assert.HasCount(1, found);
        Assert.AreEqual(3L, found[0].Offset);
    }
}
