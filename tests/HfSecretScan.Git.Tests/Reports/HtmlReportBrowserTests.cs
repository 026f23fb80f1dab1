using System.Diagnostics;
using System.Text.Json;
using HfSecretScan.Detection;
using HfSecretScan.Findings;
using HfSecretScan.Reporting;

namespace HfSecretScan.Git.Tests.Reports;

/// <summary>The HTML report in a real browser: the system's headless Chromium, driven over the DevTools protocol.</summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class HtmlReportBrowserTests
{
    /// <summary>Where to keep a screenshot for a person to look at; the test's folder when unset.</summary>
    private const string ScreenshotVariable = "HFSCAN_HTML_SCREENSHOT";

    [TestMethod]
    public async Task Chromium_shows_one_group_per_token_filters_and_searches_and_requests_nothing()
    {
        using var audit = new AuditRepository();
        string page = Path.Combine(audit.Repository.Path, "..", "report.html");
        Assert.AreEqual(1, (await CliRun.RunAsync("history", audit.Repository.Path, "--format", "html", "-o", page)).ExitCode);
        var url = new Uri(Path.GetFullPath(page));

        await using var browser = await HeadlessChromium.LaunchAsync();
        var tab = await browser.OpenAsync(url);

        var shown = await FingerprintsShown(tab);
        CollectionAssert.AreEquivalent(audit.Tokens.Select(AuditRepository.Fingerprint).ToList(), shown, "one group per token");

        Assert.AreEqual(1, await CountAfter(tab, "reach", "head"), "at HEAD");
        Assert.AreEqual(AuditRepository.Fingerprint(audit.AtHead), (await FingerprintsShown(tab)).Single());
        Assert.AreEqual(2, await CountAfter(tab, "reach", "history"), "history only: the feature branch and the removed one");
        Assert.AreEqual(1, await CountAfter(tab, "reach", "unreachable"));
        Assert.AreEqual(AuditRepository.Fingerprint(audit.Unreachable), (await FingerprintsShown(tab)).Single());
        Assert.AreEqual(4, await CountAfter(tab, "reach", ""));
        Assert.AreEqual(1, await CountAfter(tab, "rule", "hf-org-token"));
        Assert.AreEqual(4, await CountAfter(tab, "rule", ""));
        Assert.AreEqual(0, await CountAfter(tab, "verdict", "live"), "nothing was verified");
        Assert.AreEqual(4, await CountAfter(tab, "verdict", "unverified"));
        Assert.AreEqual(4, await CountAfter(tab, "verdict", ""));

        Assert.AreEqual(1, await Search(tab, "onerror"), "search by path");
        Assert.AreEqual(AuditRepository.Fingerprint(audit.OnBranch), (await FingerprintsShown(tab)).Single());
        Assert.AreEqual(1, await Search(tab, AuditRepository.Fingerprint(audit.Removed)[..16]), "search by fingerprint");
        Assert.AreEqual(0, await Search(tab, "no such thing anywhere"));
        Assert.AreEqual(4, await Search(tab, ""));

        // Every group's places opened: the markup file name must be text, and its handler must not run.
        await tab.EvaluateAsync("document.querySelectorAll('details.places').forEach(d => d.open = true)");
        await tab.WaitForAsync("document.querySelectorAll('details.places table').length === 4");
        Assert.AreEqual(0, (await tab.EvaluateAsync("document.querySelectorAll('img').length")).GetInt32());
        Assert.AreEqual("undefined", (await tab.EvaluateAsync("typeof window.__xss")).GetString(), "the markup's handler never ran");
        Assert.IsTrue((await tab.EvaluateAsync($"document.body.innerText.includes({JsonSerializer.Serialize(AuditRepository.MarkupFileName)})")).GetBoolean(), "the file name shows as text");
        Assert.IsTrue((await tab.EvaluateAsync("[...document.querySelectorAll('a')].some(a => a.href.startsWith('https://github.com/acme/widgets/commit/'))")).GetBoolean(), "commits link to the host");
        Assert.IsTrue((await tab.EvaluateAsync("document.querySelectorAll('svg.timeline circle').length >= 4")).GetBoolean(), "a timeline per group");
        string text = (await tab.EvaluateAsync("document.documentElement.outerHTML")).GetString()!;
        TestTokens.AssertNotIn(text, audit.Tokens);

        string screenshot = Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } wanted ? wanted : Path.Combine(audit.Repository.Path, "..", "report.png");
        await tab.EvaluateAsync("document.querySelectorAll('details.places').forEach((d, i) => d.open = i === 0)");
        await tab.ScreenshotAsync(screenshot);
        Assert.IsTrue(new FileInfo(screenshot).Length > 10_000, "a real screenshot");

        Assert.AreEqual(0, tab.Errors.Count, string.Join("\n", tab.Errors));
        CollectionAssert.AreEqual(new[] { url.AbsoluteUri }, tab.Requests.Distinct().ToList(), "the page requested nothing but itself");
    }

    [TestMethod]
    public async Task Ten_thousand_findings_render_lazily_and_filter_quickly()
    {
        using var folder = new TempFolder();
        var findings = Enumerable.Range(0, 10_000).Select(i => new Finding
        {
            Rule = TokenRules.UserToken,
            Secret = new Secret(TokenRules.UserToken, TestTokens.User(100_000 + (i % 2_000))),
            Path = $"src/module{i % 97}/file{i}.py",
            Line = 1 + (i % 300),
            Column = 5,
            Commit = new CommitOrigin
            {
                CommitId = (i % 500).ToString("x40", System.Globalization.CultureInfo.InvariantCulture),
                ObjectId = i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture),
                Author = "Dev <dev@example.com>",
                Date = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
                CommitCount = 3,
                TokenCommitCount = 10,
                Refs = ["refs/heads/main"],
                PathsAtHead = i % 7 == 0 ? [$"src/module{i % 97}/file{i}.py"] : [],
            },
        }).ToList();
        findings.Sort(Finding.Compare);
        string page = Path.Combine(folder.Path, "big.html");
        await using (var writer = new StreamWriter(page))
        {
            new HtmlReporter().Write(new ScanReport { Findings = findings }, new ReportContext(folder.Path, "test") { Remote = "git@github.com:acme/big.git" }, writer);
        }

        await using var browser = await HeadlessChromium.LaunchAsync();
        var clock = Stopwatch.StartNew();
        var tab = await browser.OpenAsync(new Uri(page));
        await tab.WaitForAsync("document.querySelectorAll('[data-fingerprint]').length > 0");
        var loaded = clock.Elapsed;

        Assert.AreEqual(100, (await tab.EvaluateAsync("document.querySelectorAll('[data-fingerprint]').length")).GetInt32(), "only the first page of groups is rendered");
        StringAssert.Contains((await tab.EvaluateAsync("document.getElementById('shown').textContent")).GetString(), "2000 tokens");
        double filter = (await tab.EvaluateAsync("""
            (() => { const t = performance.now(); const s = document.getElementById('reach'); s.value = 'history';
                     s.dispatchEvent(new Event('change')); return performance.now() - t; })()
            """)).GetDouble();
        await tab.EvaluateAsync("document.getElementById('more').click()");
        Assert.AreEqual(200, (await tab.EvaluateAsync("document.querySelectorAll('[data-fingerprint]').length")).GetInt32(), "the next page on demand");
        Assert.IsTrue(loaded < TimeSpan.FromSeconds(20), $"loaded in {loaded}");
        Assert.IsTrue(filter < 1_000, $"a filter took {filter} ms");
        Assert.AreEqual(0, tab.Errors.Count, string.Join("\n", tab.Errors));
    }

    private static async Task<List<string>> FingerprintsShown(BrowserPage tab) =>
        [.. (await tab.EvaluateAsync("[...document.querySelectorAll('[data-fingerprint]')].map(e => e.dataset.fingerprint)")).EnumerateArray().Select(e => e.GetString()!)];

    private static async Task<int> CountAfter(BrowserPage tab, string select, string value)
    {
        await tab.EvaluateAsync($"(() => {{ const s = document.getElementById('{select}'); s.value = {JsonSerializer.Serialize(value)}; s.dispatchEvent(new Event('change')); }})()");
        return (await tab.EvaluateAsync("document.querySelectorAll('[data-fingerprint]').length")).GetInt32();
    }

    private static async Task<int> Search(BrowserPage tab, string text)
    {
        await tab.EvaluateAsync($"(() => {{ const s = document.getElementById('search'); s.value = {JsonSerializer.Serialize(text)}; s.dispatchEvent(new Event('input')); }})()");

        // The box waits for a pause in typing before it filters.
        await Task.Delay(400);
        return (await tab.EvaluateAsync("document.querySelectorAll('[data-fingerprint]').length")).GetInt32();
    }
}
