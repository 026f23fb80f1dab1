using System.Text.Json;
using System.Xml.Linq;
using HfSecretScan.Reporting;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

/// <summary>
/// A file whose name holds a terminal escape that erases the line (<c>evil\n\e[2K\rOK.py</c>) and a
/// bidirectional override: no output kind lets it reach a terminal raw or rewrite its finding.
/// </summary>
[TestClass]
public sealed class HostileNameTests
{
    private const string Evil = "evil\n\u001b[2K\rOK.py";
    private const string Quoted = "\"evil\\n\\033[2K\\rOK.py\"";
    private const string Bidi = "invoice\u202Eyp.exe";
    private static readonly string User = TestTokens.User(81);

    private static TempFolder Folder()
    {
        var folder = new TempFolder();
        folder.Write(Evil, $"key = '{User}'\n");
        folder.Write(Bidi, $"key = '{User}'\n");
        return folder;
    }

    /// <param name="output">What the tool wrote.</param>
    /// <param name="bidiAllowed">JSON may hold a bidirectional control as it is (its rules escape controls only); everything people read as lines may not.</param>
    private static void AssertNothingRaw(string output, bool bidiAllowed = false)
    {
        Assert.DoesNotContain("\u001b", output, "no raw ESC");
        Assert.DoesNotContain("\r", output, "no raw carriage return");
        if (!bidiAllowed)
        {
            Assert.DoesNotContain("\u202E", output, "no raw override");
        }

        CliRun.AssertNoWholeToken(output, "output");
    }

    [TestMethod]
    public void Quote_escapes_like_git_and_leaves_clean_names_alone()
    {
        Assert.AreEqual(Quoted, DisplayText.Quote(Evil));
        Assert.AreEqual("\"invoice\\342\\200\\256yp.exe\"", DisplayText.Quote(Bidi));
        Assert.AreEqual("\"a\\302\\233b\\177\\a\\t\\\\\\\"\"", DisplayText.Quote("a\u009bb\u007f\a\t\\\""));
        Assert.AreEqual("\"\\\"looks quoted\\\"\"", DisplayText.Quote("\"looks quoted\""), "a leading quote is quoted");
        Assert.AreEqual(@"src\ünïcode ok.py", DisplayText.Quote(@"src\ünïcode ok.py"));
        Assert.AreEqual("\"\\342\\201\\246x\\342\\201\\251\"", DisplayText.Quote("\u2066x\u2069"));
    }

    [TestMethod]
    public async Task Text_quotes_the_name_on_the_finding_line_and_in_the_token_summary()
    {
        using var folder = Folder();

        var result = await CliRun.RunAsync("scan", folder.Path);

        Assert.AreEqual(1, result.ExitCode, result.All);
        AssertNothingRaw(result.All);
        StringAssert.Contains(result.Out, Quoted + ":1:8: hf-user-token: ");
        StringAssert.Contains(result.Out, "\"invoice\\342\\200\\256yp.exe\":1:8: ");
    }

    [TestMethod]
    public async Task GitHub_names_an_unlinkable_file_quoted_in_the_message()
    {
        using var folder = Folder();

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "github");

        Assert.AreEqual(1, result.ExitCode, result.All);
        AssertNothingRaw(result.All);
        var errors = result.Out.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, errors);
        Assert.IsTrue(errors.All(e => !e.Contains("file=", StringComparison.Ordinal)), "a file property would carry the escape raw");
        Assert.IsTrue(errors.Any(e => e.Contains(" in " + Quoted, StringComparison.Ordinal)), result.Out);
    }

    [TestMethod]
    public async Task Azure_names_an_unlinkable_file_quoted_in_the_message()
    {
        using var folder = Folder();

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "azure");

        Assert.AreEqual(1, result.ExitCode, result.All);
        AssertNothingRaw(result.All);
        var issues = result.Out.Split('\n').Where(l => l.StartsWith("##vso[", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, issues);
        Assert.IsTrue(issues.All(e => !e.Contains("sourcepath=", StringComparison.Ordinal)));
        Assert.IsTrue(issues.Any(e => e.Contains(" in " + Quoted, StringComparison.Ordinal)), result.Out);
    }

    [TestMethod]
    public async Task Json_gitlab_and_sarif_keep_the_real_name_json_escaped()
    {
        using var folder = Folder();
        foreach (string format in new[] { "json", "gitlab", "sarif" })
        {
            var result = await CliRun.RunAsync("scan", folder.Path, "--format", format);

            Assert.AreEqual(1, result.ExitCode, result.All);
            AssertNothingRaw(result.All, bidiAllowed: true);
            using var json = JsonDocument.Parse(result.Out);
            var strings = Strings(json.RootElement).ToList();
            Assert.IsTrue(strings.Any(s => s.Contains(Evil, StringComparison.Ordinal) || s.Contains(Uri.EscapeDataString(Evil), StringComparison.Ordinal)), $"{format}: the real name, JSON-escaped: {result.Out}");
        }
    }

    [TestMethod]
    public async Task JUnit_is_well_formed_xml_without_the_raw_escape()
    {
        using var folder = Folder();

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "junit");

        Assert.AreEqual(1, result.ExitCode, result.All);
        AssertNothingRaw(result.All);
        var xml = XDocument.Parse(result.Out);
        Assert.IsTrue(xml.Descendants("testcase").Any(c => ((string?)c.Attribute("name") ?? string.Empty).Contains(Quoted, StringComparison.Ordinal)), result.Out);
    }

    [TestMethod]
    public async Task Html_encodes_the_escape_and_the_override()
    {
        using var folder = Folder();
        string report = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + ".html");

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "html", "--output", report);

        Assert.AreEqual(1, result.ExitCode, result.All);
        string html = File.ReadAllText(report);
        File.Delete(report);
        AssertNothingRaw(html);
        StringAssert.Contains(html, "OK.py");
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
