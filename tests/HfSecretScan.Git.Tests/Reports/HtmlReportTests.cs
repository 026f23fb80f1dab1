using System.Text.RegularExpressions;

namespace HfSecretScan.Git.Tests.Reports;

[TestClass]
public sealed partial class HtmlReportTests
{
    [TestMethod]
    public async Task The_page_is_self_contained_escaped_and_links_to_the_host_without_credentials()
    {
        using var audit = new AuditRepository();
        string page = Path.Combine(audit.Repository.Path, "..", "report.html");

        var result = await CliRun.RunAsync("history", audit.Repository.Path, "--format", "html", "-o", page);

        Assert.AreEqual(1, result.ExitCode, result.All);
        string html = await File.ReadAllTextAsync(page);
        TestTokens.AssertNotIn(html, audit.Tokens);
        CliRun.AssertNoWholeToken(html, "the HTML report");
        StringAssert.Contains(html, "Content-Security-Policy");
        StringAssert.Contains(html, "default-src 'none'");
        Assert.DoesNotContain("<img", html, "the markup file name is escaped in the page's data");
        Assert.IsFalse(ExternalReference().IsMatch(html), "no src or href to anywhere in the page itself");
        StringAssert.Contains(html, "https://github.com/acme/widgets");
        Assert.DoesNotContain("someone", html, "the remote's credentials are dropped");
        StringAssert.Contains(html, "https://github.com/acme/widgets/commit/");
        foreach (string token in audit.Tokens)
        {
            StringAssert.Contains(html, AuditRepository.Fingerprint(token));
        }
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
