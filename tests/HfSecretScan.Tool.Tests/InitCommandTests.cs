using System.Text.Json;
using System.Text.Json.Nodes;
using HfSecretScan.Suppression;
using HfSecretScan.Tests;
using HfSecretScan.Tool.Cli;

namespace HfSecretScan.Tool.Tests;

[TestClass]
public sealed class InitCommandTests
{
    private const string OtherTools = """
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "dotnet-ef": {
              "version": "9.0.0",
              "commands": [ "dotnet-ef" ],
              "rollForward": false
            }
          }
        }
        """;

    [TestMethod]
    public async Task Init_sets_a_repository_up_and_a_second_run_changes_nothing()
    {
        using var repo = TestRepository.Create();
        repo.Write(".config/dotnet-tools.json", OtherTools);

        var first = await CliRun.RunAsync("init", repo.Path);

        Assert.AreEqual(0, first.ExitCode, first.All);
        string config = Path.Combine(repo.Path, ".config", "hf-scan.json");
        Assert.AreEqual(ScanConfig.Empty, ScanConfig.Load(config), "the configuration loads");
        using (var json = JsonDocument.Parse(File.ReadAllText(config)))
        {
            Assert.AreEqual("./hf-scan.schema.json", json.RootElement.GetProperty("$schema").GetString());
        }

        CollectionAssert.AreEqual(
            File.ReadAllBytes(Path.Combine(SourceTree.Root(), "schemas", "hf-scan.schema.json")),
            File.ReadAllBytes(Path.Combine(repo.Path, ".config", "hf-scan.schema.json")),
            "the schema the repository ships, beside the configuration");
        var tools = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Path, ".config", "dotnet-tools.json")))!["tools"]!.AsObject();
        Assert.AreEqual("9.0.0", tools["dotnet-ef"]!["version"]!.GetValue<string>(), "other tools are kept");
        Assert.AreEqual(ToolVersion.Package, tools["hfsecretscan.tool"]!["version"]!.GetValue<string>());
        Assert.AreEqual("dotnet-hf-scan", tools["hfsecretscan.tool"]!["commands"]![0]!.GetValue<string>());
        Assert.IsTrue(File.Exists(Path.Combine(repo.Path, ".git", "hooks", "pre-commit")));
        StringAssert.Contains(first.Out, $"<PackageReference Include=\"HfSecretScan\" Version=\"{ToolVersion.Package}\" PrivateAssets=\"all\" />");
        StringAssert.Contains(first.Out, "uses: OWNER/HfSecretScan@v");

        var before = Snapshot(repo.Path);
        var second = await CliRun.RunAsync("init", repo.Path);

        Assert.AreEqual(0, second.ExitCode, second.All);
        StringAssert.StartsWith(second.Out, "Nothing to change:");
        CollectionAssert.AreEqual(before, Snapshot(repo.Path), "no file was written again");
    }

    [TestMethod]
    public async Task An_existing_configuration_keeps_its_settings_and_gains_a_schema()
    {
        using var repo = TestRepository.Create();
        repo.Write(".config/hf-scan.json", "{\n  // fixtures hold revoked tokens\n  \"exclude\": [\"fixtures/\"]\n}\n");

        var result = await CliRun.RunAsync("init", repo.Path, "--no-hook");

        Assert.AreEqual(0, result.ExitCode, result.All);
        string text = File.ReadAllText(Path.Combine(repo.Path, ".config", "hf-scan.json"));
        StringAssert.Contains(text, "// fixtures hold revoked tokens", "the owner's comments stay");
        CollectionAssert.AreEqual(new[] { "fixtures/" }, ScanConfig.Load(Path.Combine(repo.Path, ".config", "hf-scan.json")).Exclude.ToArray());
        StringAssert.Contains(text, "\"$schema\": \"./hf-scan.schema.json\",");
        Assert.IsFalse(File.Exists(Path.Combine(repo.Path, ".git", "hooks", "pre-commit")), "--no-hook");
    }

    [TestMethod]
    public async Task A_broken_configuration_is_left_alone_and_said_so()
    {
        using var repo = TestRepository.Create();
        repo.Write(".config/hf-scan.json", "{ \"excludes\": [] }");

        var result = await CliRun.RunAsync("init", repo.Path, "--no-hook");

        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.Error, "Unknown setting \"excludes\"");
        Assert.AreEqual("{ \"excludes\": [] }", File.ReadAllText(Path.Combine(repo.Path, ".config", "hf-scan.json")));
    }

    [TestMethod]
    public void The_schema_names_exactly_the_settings_the_configuration_reads()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SourceTree.Root(), "schemas", "hf-scan.schema.json")));
        var root = schema.RootElement;
        Assert.IsFalse(root.GetProperty("additionalProperties").GetBoolean(), "unknown settings are errors, for editors too");
        var properties = root.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n != "$schema").ToArray();
        CollectionAssert.AreEquivalent(ScanConfig.Settings.ToArray(), properties);
        var types = root.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("type").GetString());
        Assert.AreEqual("array", types["include"]);
        Assert.AreEqual("array", types["exclude"]);
        Assert.AreEqual("string", types["baseline"]);
        Assert.AreEqual("boolean", types["noIgnore"]);
    }

    /// <summary>Every file under the repository's .config and hooks, with its bytes and write time.</summary>
    private static string[] Snapshot(string repository) =>
        [.. new[] { ".config", Path.Combine(".git", "hooks") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(repository, folder)))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {File.GetLastWriteTimeUtc(f):O} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")];
}
