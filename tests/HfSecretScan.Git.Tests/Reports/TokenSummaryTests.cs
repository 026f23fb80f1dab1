using System.Text.Json;

namespace HfSecretScan.Git.Tests.Reports;

[TestClass]
public sealed class TokenSummaryTests
{
    [TestMethod]
    public async Task History_text_and_json_answer_per_token_where_it_is()
    {
        using var audit = new AuditRepository();

        var text = await CliRun.RunAsync("history", audit.Repository.Path);
        var json = await CliRun.RunAsync("history", audit.Repository.Path, "--format", "json");

        Assert.AreEqual(1, text.ExitCode, text.All);
        StringAssert.Contains(text.Out, "4 distinct tokens in 5 places:");
        StringAssert.Contains(text.Out, "2 files, 2 blob versions, 6 commits");
        StringAssert.Contains(text.Out, "first introduced in ");
        StringAssert.Contains(text.Out, " on 2023-01-10 by Test Author <author@example.com>");
        StringAssert.Contains(text.Out, "still at HEAD: app/settings.json:1, config/.env:1");
        StringAssert.Contains(text.Out, "not at HEAD, only in the history of refs/heads/feature\n");
        StringAssert.Contains(text.Out, "only in unreachable objects");
        var tokens = JsonDocument.Parse(json.Out).RootElement.GetProperty("tokens").EnumerateArray().ToList();
        CollectionAssert.AreEquivalent(audit.Tokens.Select(AuditRepository.Fingerprint).ToList(), tokens.Select(t => t.GetProperty("fingerprint").GetString()).ToList());
        CollectionAssert.AreEqual(new[] { "head", "refs", "refs", "unreachable" }, tokens.Select(t => t.GetProperty("reach").GetString()).ToArray());
        TestTokens.AssertNotIn(text.All + json.All, audit.Tokens);
    }
}
