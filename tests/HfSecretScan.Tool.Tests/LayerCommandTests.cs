using System.Text;
using System.Text.Json;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

/// <summary>
/// Tokens one layer down through the <c>scan</c> command: archive members and encoded values in
/// every report format, the switches and configuration keys that turn each layer off, the limits
/// and exit codes, baselines and allow comments inside members.
/// </summary>
[TestClass]
public sealed class LayerCommandTests
{
    private static readonly string User = TestTokens.User(71);
    private static readonly string Other = TestTokens.User(72);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Base64(string text) => Convert.ToBase64String(Utf8(text));

    /// <summary>A package whose settings member holds a base64-encoded token on line 2, its value at column 14.</summary>
    private static TempFolder PackageWithEncodedToken()
    {
        var folder = new TempFolder();
        folder.Write(".config/hf-scan.json", "{}");
        folder.Write("dist/app.zip", Archives.Zip(("config/settings.json", Utf8("{\n  \"auth\": \"" + Base64(User) + "\"\n}\n"))));
        return folder;
    }

    /// <summary>A zip (deflated, so its raw bytes show nothing) holding a plain token.</summary>
    private static byte[] ZipWithToken(string token) => Archives.Zip(("inner.txt", Utf8("key: " + token + "\n")));

    private static JsonElement Summary(JsonDocument json) => json.RootElement.GetProperty("summary");

    [TestMethod]
    public async Task Json_has_the_whole_path_the_inner_path_and_the_decoded_chain()
    {
        using var folder = PackageWithEncodedToken();

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "json");

        Assert.AreEqual(1, result.ExitCode, result.All);
        using var json = JsonDocument.Parse(result.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.AreEqual("dist/app.zip!config/settings.json", finding.GetProperty("path").GetString());
        Assert.AreEqual("config/settings.json", finding.GetProperty("innerPath").GetString());
        CollectionAssert.AreEqual(new[] { "base64" }, finding.GetProperty("decoded").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.AreEqual(2, finding.GetProperty("line").GetInt32());
        Assert.AreEqual(12, finding.GetProperty("column").GetInt32(), "the first character of the encoded value");
        Assert.IsTrue(Summary(json).GetProperty("complete").GetBoolean());
        CliRun.AssertNoWholeToken(result.All, "JSON report");
    }

    [TestMethod]
    public async Task Sarif_points_at_the_outer_file_with_the_member_and_encodings_in_properties()
    {
        using var folder = PackageWithEncodedToken();

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "sarif");

        Assert.AreEqual(1, result.ExitCode, result.All);
        using var sarif = JsonDocument.Parse(result.Out);
        var finding = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        var location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("dist/app.zip", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var properties = finding.GetProperty("properties");
        Assert.AreEqual("config/settings.json", properties.GetProperty("innerPath").GetString());
        CollectionAssert.AreEqual(new[] { "base64" }, properties.GetProperty("decoded").EnumerateArray().Select(e => e.GetString()).ToArray());
        CliRun.AssertNoWholeToken(result.All, "SARIF report");
    }

    [TestMethod]
    public async Task Text_shows_the_member_position_and_the_encoding_after_the_rule()
    {
        using var folder = PackageWithEncodedToken();

        var result = await CliRun.RunAsync("scan", folder.Path);

        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.Contains(result.Out, $"dist/app.zip!config/settings.json:2:12: hf-user-token (base64): {User[..7]}…");
        CliRun.AssertNoWholeToken(result.All, "text report");
    }

    [TestMethod]
    public async Task Max_decode_depth_0_turns_decoding_off_on_the_command_line_and_in_the_configuration()
    {
        using var folder = new TempFolder();
        folder.Write("secret.yaml", "data:\n  token: " + Base64(User) + "\n");

        Assert.AreEqual(1, (await CliRun.RunAsync("scan", folder.Path)).ExitCode, "decoded by default");
        var off = await CliRun.RunAsync("scan", folder.Path, "--max-decode-depth", "0");
        Assert.AreEqual(0, off.ExitCode, off.All);

        folder.Write(".config/hf-scan.json", "{ \"maxDecodeDepth\": 0 }");
        var configured = await CliRun.RunAsync("scan", folder.Path);
        Assert.AreEqual(0, configured.ExitCode, configured.All);
        var overridden = await CliRun.RunAsync("scan", folder.Path, "--max-decode-depth", "1");
        Assert.AreEqual(1, overridden.ExitCode, "the command line wins over the configuration: " + overridden.All);
    }

    [TestMethod]
    public async Task Max_archive_depth_0_turns_containers_off_on_the_command_line_and_in_the_configuration()
    {
        using var folder = new TempFolder();
        folder.Write("bundle.zip", ZipWithToken(User));

        Assert.AreEqual(1, (await CliRun.RunAsync("scan", folder.Path)).ExitCode, "opened by default");
        var off = await CliRun.RunAsync("scan", folder.Path, "--max-archive-depth", "0");
        Assert.AreEqual(0, off.ExitCode, off.All);

        folder.Write(".config/hf-scan.json", "{ \"maxArchiveDepth\": 0 }");
        var configured = await CliRun.RunAsync("scan", folder.Path, "--format", "json");
        Assert.AreEqual(0, configured.ExitCode, configured.All);
        using var json = JsonDocument.Parse(configured.Out);
        Assert.IsTrue(Summary(json).GetProperty("complete").GetBoolean(), "turned off is not a limit that tripped");
    }

    [TestMethod]
    public async Task A_limit_that_trips_exits_2_when_nothing_was_found_and_1_when_something_was()
    {
        using var folder = new TempFolder();
        // The token sits in the third member; one entry is allowed.
        folder.Write("many.zip", Archives.Zip(("a.txt", Utf8("a\n")), ("b.txt", Utf8("b\n")), ("c.txt", Utf8("key: " + User + "\n"))));
        folder.Write(".config/hf-scan.json", "{ \"archiveLimits\": { \"maxEntries\": 1 } }");

        var nothing = await CliRun.RunAsync("scan", folder.Path, "--format", "json");

        Assert.AreEqual(2, nothing.ExitCode, nothing.All);
        using (var json = JsonDocument.Parse(nothing.Out))
        {
            Assert.IsFalse(Summary(json).GetProperty("complete").GetBoolean());
            var problem = json.RootElement.GetProperty("problems").EnumerateArray().Single();
            StringAssert.StartsWith(problem.GetProperty("path").GetString(), "many.zip");
            StringAssert.Contains(problem.GetProperty("message").GetString(), "archiveLimits.maxEntries");
            Assert.AreEqual(0, json.RootElement.GetProperty("findings").GetArrayLength());
        }

        folder.Write("plain.env", "T=" + Other + "\n");
        var something = await CliRun.RunAsync("scan", folder.Path, "--format", "json");

        Assert.AreEqual(1, something.ExitCode, something.All);
        using (var json = JsonDocument.Parse(something.Out))
        {
            Assert.IsFalse(Summary(json).GetProperty("complete").GetBoolean());
            Assert.AreEqual("plain.env", json.RootElement.GetProperty("findings").EnumerateArray().Single().GetProperty("path").GetString());
        }
    }

    [TestMethod]
    public async Task An_inflated_bytes_limit_from_the_configuration_trips()
    {
        using var folder = new TempFolder();
        folder.Write("big.gz", Archives.Gzip(new byte[1 << 20], "big.bin"));
        folder.Write(".config/hf-scan.json", "{ \"archiveLimits\": { \"maxInflatedBytes\": 65536 } }");

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "json");

        Assert.AreEqual(2, result.ExitCode, result.All);
        using var json = JsonDocument.Parse(result.Out);
        StringAssert.Contains(json.RootElement.GetProperty("problems")[0].GetProperty("message").GetString(), "archiveLimits.maxInflatedBytes");
    }

    [TestMethod]
    public async Task A_baseline_written_for_a_token_in_a_member_suppresses_it_on_rescan()
    {
        using var folder = new TempFolder();
        folder.Write("pkg/lib.tar.gz", Archives.Gzip(Archives.Tar(("lib/settings.py", Utf8("TOKEN = \"" + User + "\"\n")))));
        string baseline = Path.Combine(folder.Path, "hf-scan-baseline.json");

        var write = await CliRun.RunAsync("baseline", folder.Path, "-o", baseline);
        Assert.AreEqual(0, write.ExitCode, write.All);
        using (var stored = JsonDocument.Parse(File.ReadAllText(baseline)))
        {
            Assert.AreEqual("pkg/lib.tar.gz!lib/settings.py", stored.RootElement.GetProperty("findings")[0].GetProperty("path").GetString());
        }

        var rescan = await CliRun.RunAsync("scan", folder.Path, "--baseline", baseline, "--format", "json");

        Assert.AreEqual(0, rescan.ExitCode, rescan.All);
        using var json = JsonDocument.Parse(rescan.Out);
        Assert.AreEqual(1, Summary(json).GetProperty("suppressedByBaseline").GetInt32());
    }

    [TestMethod]
    public async Task An_allow_comment_inside_a_member_suppresses_that_line_only()
    {
        using var folder = new TempFolder();
        folder.Write("fixtures.zip", Archives.Zip(("test/data.py", Utf8("A = \"" + User + "\"  # hf-scan:allow\nB = \"" + Other + "\"\n"))));

        var result = await CliRun.RunAsync("scan", folder.Path, "--format", "json");

        Assert.AreEqual(1, result.ExitCode, result.All);
        using var json = JsonDocument.Parse(result.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.AreEqual("fixtures.zip!test/data.py", finding.GetProperty("path").GetString());
        Assert.AreEqual(2, finding.GetProperty("line").GetInt32());
        Assert.AreEqual(1, Summary(json).GetProperty("suppressedByComment").GetInt32());
    }
}
