using System.Text.Json;
using HfSecretScan.Detection;
using HfSecretScan.Findings;
using HfSecretScan.Reporting;
using HfSecretScan.Verification;

namespace HfSecretScan.Tests.Reporting;

[TestClass]
public sealed class TokenGroupTests
{
    private static Finding Place(string token, string path, CommitOrigin? commit = null, TokenVerification? verification = null) => new()
    {
        Rule = token.StartsWith(TestTokens.OrgPrefix, StringComparison.Ordinal) ? TokenRules.OrgToken : TokenRules.UserToken,
        Secret = new Secret(token.StartsWith(TestTokens.OrgPrefix, StringComparison.Ordinal) ? TokenRules.OrgToken : TokenRules.UserToken, token),
        Path = path,
        Line = 2,
        Column = 5,
        Commit = commit,
        Verification = verification,
    };

    private static CommitOrigin Origin(string commit, string blob, int day, string[]? refs = null, string[]? atHead = null, bool unreachable = false) => new()
    {
        CommitId = commit,
        ObjectId = blob,
        Author = "Ann <ann@example.com>",
        Date = new DateTimeOffset(2024, 1, day, 12, 0, 0, TimeSpan.Zero),
        CommitCount = 2,
        TokenCommitCount = 5,
        Refs = refs ?? [],
        PathsAtHead = atHead ?? [],
        Unreachable = unreachable,
    };

    [TestMethod]
    public void Findings_group_by_fingerprint_with_the_first_commit_and_where_HEAD_holds_it()
    {
        string token = TestTokens.User(811);
        string other = TestTokens.Org(812);
        var findings = new List<Finding>
        {
            Place(token, "a.env", Origin("c2".PadRight(40, '2'), "b1", 9, ["refs/heads/main"], ["a.env"])),
            Place(token, "b.env", Origin("c1".PadRight(40, '1'), "b2", 3, ["refs/heads/main", "refs/tags/v1"])),
            Place(token, "b.env", Origin("c0".PadRight(40, '0'), "b3", 1, unreachable: true)),
            Place(other, "c.env", Origin("c3".PadRight(40, '3'), "b4", 5, ["refs/pull/4/head"])),
        };

        var groups = TokenGroup.Of(findings);

        Assert.HasCount(2, groups);
        var first = groups[0];
        Assert.AreEqual(new Secret(TokenRules.UserToken, token).Fingerprint, first.Fingerprint);
        Assert.AreEqual(TokenReach.AtHead, first.Reach);
        Assert.AreEqual(2, first.FileCount);
        Assert.AreEqual(3, first.VersionCount);
        Assert.AreEqual(5, first.CommitCount);
        Assert.AreEqual("c1".PadRight(40, '1'), first.FirstCommit!.CommitId, "the earliest reachable commit; the unreachable one does not count first");
        CollectionAssert.AreEqual(new[] { "refs/heads/main", "refs/tags/v1" }, first.Refs.ToArray());
        Assert.AreEqual("still at HEAD: a.env:2", TokenGroupText.Reach(first));
        Assert.AreEqual("2 files, 3 blob versions, 5 commits", TokenGroupText.Counts(first));
        Assert.AreEqual("first introduced in c11111111111 on 2024-01-03 by Ann <ann@example.com>", TokenGroupText.FirstCommit(first));
        Assert.AreEqual(TokenReach.InRefs, groups[1].Reach);
        Assert.AreEqual("not at HEAD, only in the history of refs/pull/4/head", TokenGroupText.Reach(groups[1]));
        Assert.AreEqual("2 distinct tokens in 4 places", TokenGroupText.Heading(groups));
    }

    [TestMethod]
    public void Live_tokens_come_first_and_files_without_history_say_so()
    {
        string invalid = TestTokens.User(813);
        string live = TestTokens.User(814);
        var groups = TokenGroup.Of(
        [
            Place(invalid, "x.py", verification: TokenVerification.Invalid),
            Place(live, "y.py", verification: new TokenVerification { Status = TokenStatus.Live, Severity = VerificationSeverity.Critical, Role = "write", CanWrite = true }),
            Place(live, "z.py", verification: new TokenVerification { Status = TokenStatus.Live, Severity = VerificationSeverity.Critical, Role = "write", CanWrite = true }),
        ]);

        Assert.AreEqual(new Secret(TokenRules.UserToken, live).Fingerprint, groups[0].Fingerprint);
        Assert.AreEqual(TokenReach.InFiles, groups[0].Reach);
        Assert.AreEqual("2 files", TokenGroupText.Counts(groups[0]));
        Assert.IsNull(TokenGroupText.FirstCommit(groups[0]));
    }

    [TestMethod]
    public void Json_and_text_reports_carry_the_groups()
    {
        string token = TestTokens.User(815);
        var report = new ScanReport { Findings = [Place(token, "a.env"), Place(token, "b.env")] };

        using var text = new StringWriter();
        new TextReporter().Write(report, new ReportContext(null, "test"), text);
        using var json = new StringWriter();
        new JsonReporter().Write(report, new ReportContext(null, "test"), json);

        StringAssert.Contains(text.ToString(), "1 distinct token in 2 places:");
        var group = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("tokens").EnumerateArray().Single();
        Assert.AreEqual(new Secret(TokenRules.UserToken, token).Fingerprint, group.GetProperty("fingerprint").GetString());
        Assert.AreEqual("files", group.GetProperty("reach").GetString());
        CollectionAssert.AreEqual(new[] { 0, 1 }, group.GetProperty("findings").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        TestTokens.AssertNotIn(text.ToString() + json, [token]);
    }

    [TestMethod]
    public void The_html_report_escapes_names_and_holds_no_whole_token()
    {
        string token = TestTokens.User(816);
        var report = new ScanReport
        {
            Findings = [Place(token, "<img src=x onerror=alert(1)>.txt", Origin("c".PadRight(40, 'c'), "b", 2, ["refs/heads/main"]) with { Author = "<b>Eve</b> <e@x>" })],
            Problems = [new ScanProblem(ProblemKind.Unreadable, "<script>p</script>", "cannot read")],
        };

        using var html = new StringWriter();
        new HtmlReporter().Write(report, new ReportContext("/repo</dd><script>", "test") { Remote = $"https://u:{token}@github.com/acme/w.git" }, html);
        string page = html.ToString();

        Assert.DoesNotContain("<img", page);
        Assert.DoesNotContain("<b>Eve", page);
        Assert.DoesNotContain("<script>p", page);
        Assert.DoesNotContain("/repo</dd>", page);
        StringAssert.Contains(page, "&lt;script&gt;p&lt;/script&gt;");
        StringAssert.Contains(page, "https://github.com/acme/w/blob/cccccccccccccccccccccccccccccccccccccccc/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.txt#L2");
        TestTokens.AssertNotIn(page, [token]);
        Assert.AreEqual(2, page.Split("<script").Length - 1, "the data and the script, nothing else");
    }

    [TestMethod]
    public void A_purge_expression_matches_the_token_from_its_redacted_prefix()
    {
        var secret = new Secret(TokenRules.OrgToken, TestTokens.Org(817));

        string expression = PurgePlan.Expression(secret);

        Assert.AreEqual($"regex:{secret.Redacted.TrimEnd('…')}[A-Za-z0-9]{{30}}==>***REMOVED***", expression);
        Assert.IsTrue(System.Text.RegularExpressions.Regex.IsMatch(secret.Reveal(), "^" + expression[6..expression.IndexOf("==>", StringComparison.Ordinal)] + "$"));
    }
}
