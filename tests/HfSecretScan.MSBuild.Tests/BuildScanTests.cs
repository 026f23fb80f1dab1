using System.Text;
using HfSecretScan.Detection;
using HfSecretScan.Findings;
using HfSecretScan.Tests.Infrastructure;

namespace HfSecretScan.Tests;

/// <summary>
/// End to end: the packed package in a fresh project, built with the real SDK. Each test asserts on
/// the exit code and the exact <c>file(line,col): error HFS001</c> lines.
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class BuildScanTests
{
    private static PackageFeed s_feed = null!;

    [AssemblyInitialize]
    public static void PackOnce(TestContext _) => s_feed = PackageFeed.Create();

    [AssemblyCleanup]
    public static void DeleteRun() => s_feed?.Delete();

    [TestMethod]
    public void TokenInCsFile_FailsAtItsLineAndColumn_EveryBuild_UntilFixed()
    {
        var project = TestProject.Create(s_feed, nameof(TokenInCsFile_FailsAtItsLineAndColumn_EveryBuild_UntilFixed));
        string token = TestTokens.User(11);
        string file = project.Write("Secrets.cs", CsFileWith(token));

        var first = project.Build();
        Assert.AreEqual(1, first.ExitCode, first.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(4,34): error HFS001" }, first.Diagnostics.ToArray(), first.ToString());
        StringAssert.Contains(first.Messages[0], Secret.Redact(TokenRules.UserToken, token));
        StringAssert.Contains(first.Messages[0], "hf-user-token");
        StringAssert.Contains(first.Messages[0], Remediation.TokensPage);
        Assert.IsFalse(first.Output.Contains(token, StringComparison.Ordinal), "the secret itself is never printed");

        var second = project.Build();
        Assert.AreEqual(1, second.ExitCode, second.ToString());
        CollectionAssert.AreEqual(first.Diagnostics.ToArray(), second.Diagnostics.ToArray(), second.ToString());

        project.Write("Secrets.cs", CsFileWith("read from HF_TOKEN at run time"));
        var fixedBuild = project.Build();
        Assert.AreEqual(0, fixedBuild.ExitCode, fixedBuild.ToString());
        Assert.AreEqual(0, fixedBuild.Diagnostics.Count, fixedBuild.ToString());
    }

    [TestMethod]
    public void UnchangedFiles_AreNotReadAgain_AndAChangedFileIsReadAlone()
    {
        var project = TestProject.Create(s_feed, nameof(UnchangedFiles_AreNotReadAgain_AndAChangedFileIsReadAlone));
        string file = project.Write("Secrets.cs", CsFileWith(TestTokens.User(12)));
        project.Write("Other.cs", CsFileWith("nothing to see"));

        var first = project.Build("-v:n");
        StringAssert.StartsWith(first.Summary, "HfSecretScan: 5 files, 5 read, 0 from cache", first.ToString());

        var second = project.Build("-v:n");
        Assert.AreEqual(1, second.ExitCode, second.ToString());
        StringAssert.StartsWith(second.Summary, "HfSecretScan: 5 files, 0 read, 5 from cache", second.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(4,34): error HFS001" }, second.Diagnostics.ToArray(), second.ToString());

        project.Write("Other.cs", CsFileWith("something else"));
        var third = project.Build("-v:n");
        Assert.AreEqual(1, third.ExitCode, third.ToString());
        StringAssert.StartsWith(third.Summary, "HfSecretScan: 5 files, 1 read, 4 from cache", third.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(4,34): error HFS001" }, third.Diagnostics.ToArray(), third.ToString());
    }

    [TestMethod]
    public void CleanBuild_WithNothingChanged_IsAnsweredFromTheCache_AndEveryKindOfChangeScansAgain()
    {
        const string Unchanged = "nothing changed since the last clean scan";
        var project = TestProject.Create(s_feed, nameof(CleanBuild_WithNothingChanged_IsAnsweredFromTheCache_AndEveryKindOfChangeScansAgain));
        project.Write(".config/hf-scan.json", "{ \"baseline\": \".config/hf-scan-baseline.json\" }\n");
        string baseline = project.Write(".config/hf-scan-baseline.json", """{ "version": 1, "findings": [] }""");
        string other = project.Write("Other.cs", CsFileWith("nothing to see"));

        BuildResult Clean(bool answeredFromCache)
        {
            var build = project.Build("-v:n");
            Assert.AreEqual(0, build.ExitCode, build.ToString());
            Assert.AreEqual(0, build.Diagnostics.Count, build.ToString());
            Assert.AreEqual(answeredFromCache, build.Summary.EndsWith(Unchanged + ".", StringComparison.Ordinal), build.ToString());
            return build;
        }

        var first = Clean(answeredFromCache: false);
        StringAssert.StartsWith(first.Summary, "HfSecretScan: 4 files, 4 read, 0 from cache", first.ToString());
        var second = Clean(answeredFromCache: true);
        StringAssert.StartsWith(second.Summary, "HfSecretScan: 4 files, 0 read, 4 from cache", second.ToString());

        // A file's content.
        project.Write("Other.cs", CsFileWith(TestTokens.User(31)));
        var leaked = project.Build("-v:n");
        Assert.AreEqual(1, leaked.ExitCode, leaked.ToString());
        CollectionAssert.AreEqual(new[] { $"{other}(4,34): error HFS001" }, leaked.Diagnostics.ToArray(), leaked.ToString());
        Assert.AreEqual(1, project.Build("-v:n").ExitCode, "a build with a finding is never answered as clean");
        project.Write("Other.cs", CsFileWith("nothing to see"));
        Clean(answeredFromCache: false);
        Clean(answeredFromCache: true);

        // A new item.
        string added = project.Write("Added.cs", CsFileWith(TestTokens.User(32)).Replace("Secrets", "Added", StringComparison.Ordinal));
        var addedBuild = project.Build("-v:n");
        CollectionAssert.AreEqual(new[] { $"{added}(4,34): error HFS001" }, addedBuild.Diagnostics.ToArray(), addedBuild.ToString());
        File.Delete(added);
        Clean(answeredFromCache: false);
        Clean(answeredFromCache: true);

        // The baseline, then the configuration, broken in place: each is a problem the build reports again.
        File.WriteAllText(baseline, "{ not json");
        var brokenBaseline = project.Build("-v:n");
        CollectionAssert.AreEqual(new[] { $"{baseline} : warning HFS901" }, brokenBaseline.Diagnostics.ToArray(), brokenBaseline.ToString());
        File.WriteAllText(baseline, """{ "version": 1, "findings": [] }""");
        Clean(answeredFromCache: false);
        Clean(answeredFromCache: true);
        string config = Path.Combine(project.Directory, ".config", "hf-scan.json");
        File.WriteAllText(config, "{ \"exclude\": 5 }");
        var brokenConfig = project.Build("-v:n");
        CollectionAssert.AreEqual(new[] { $"{config} : warning HFS901" }, brokenConfig.Diagnostics.ToArray(), brokenConfig.ToString());

        // A property: the same files under other settings are scanned again.
        File.WriteAllText(config, "{ \"baseline\": \".config/hf-scan-baseline.json\" }\n");
        Clean(answeredFromCache: false);
        Clean(answeredFromCache: true);
        var otherDepth = project.Build("-v:n", "-p:HfSecretScanMaxDecodeDepth=1");
        Assert.IsFalse(otherDepth.Summary.EndsWith(Unchanged + ".", StringComparison.Ordinal), otherDepth.ToString());
        StringAssert.StartsWith(otherDepth.Summary, "HfSecretScan: 4 files, 4 read, 0 from cache", "another layer setting is another cache: " + otherDepth);
    }

    [TestMethod]
    public void A_file_named_after_a_token_is_never_written_to_the_cache_and_is_read_every_build()
    {
        var project = TestProject.Create(s_feed, nameof(A_file_named_after_a_token_is_never_written_to_the_cache_and_is_read_every_build));
        string token = TestTokens.User(33);
        project.Write(token + ".txt", "nothing inside");

        var first = project.Build("-v:n");
        var second = project.Build("-v:n");

        string cache = Path.Combine(project.Directory, "obj", "Debug", "net10.0", "hfsecretscan.cache");
        Assert.IsFalse(File.ReadAllText(cache).Contains(token, StringComparison.Ordinal), "the cache never holds the token");
        StringAssert.StartsWith(second.Summary, "HfSecretScan: 4 files, 1 read, 3 from cache", second.ToString());
        Assert.IsFalse(second.Summary.Contains("nothing changed", StringComparison.Ordinal), second.ToString());
        Assert.IsFalse(first.Output.Contains(token, StringComparison.Ordinal) || second.Output.Contains(token, StringComparison.Ordinal), "nor does the build's output");
    }

    [TestMethod]
    public void OrgTokenInAppSettingsContent_FailsWithHfs002()
    {
        var project = TestProject.Create(
            s_feed,
            nameof(OrgTokenInAppSettingsContent_FailsWithHfs002),
            items: """<None Remove="appsettings.json" /><Content Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />""");
        string file = project.Write("appsettings.json", "{\n  \"Hub\": {\n    \"Token\": \"" + TestTokens.Org(13) + "\"\n  }\n}\n");

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(3,15): error HFS002" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void TokenInNoneItem_Fails()
    {
        var project = TestProject.Create(s_feed, nameof(TokenInNoneItem_Fails));
        string file = project.Write("notes/setup.txt", "Run the notebook with\nHF_TOKEN=" + TestTokens.User(14) + "\n");

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(2,10): error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void TokenInProjectFile_Fails()
    {
        var project = TestProject.Create(s_feed, nameof(TokenInProjectFile_Fails));
        project.WriteProjectFile(properties: "<HubToken>" + TestTokens.User(15) + "</HubToken>");

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{project.ProjectFile}(4,15): error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void TokenInBinaryFile_FailsWithItsByteOffset()
    {
        var project = TestProject.Create(s_feed, nameof(TokenInBinaryFile_FailsWithItsByteOffset));
        byte[] bytes = [0, 1, 2, 0, .. Encoding.ASCII.GetBytes(" " + TestTokens.User(16) + " "), 0, 0];
        string file = project.Write("model.bin", bytes);

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file} : error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
        StringAssert.Contains(build.Messages[0], "at byte offset 5 of this binary file");
    }

    [TestMethod]
    public void TokenInAZipMember_FailsAtTheZip_NamingTheMember_UnlessArchivesAreOff()
    {
        var project = TestProject.Create(s_feed, nameof(TokenInAZipMember_FailsAtTheZip_NamingTheMember_UnlessArchivesAreOff));
        string token = TestTokens.User(17);
        string file = project.Write("assets/bundle.zip", Archives.Zip(("lib/settings.json", Encoding.UTF8.GetBytes("{\n  \"token\": \"" + token + "\"\n}\n"))));

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file} : error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
        StringAssert.Contains(build.Messages[0], "lib/settings.json(2,13)");
        Assert.IsFalse(build.Output.Contains(token, StringComparison.Ordinal), "the secret itself is never printed");

        var off = project.Build("-p:HfSecretScanMaxArchiveDepth=0");
        Assert.AreEqual(0, off.ExitCode, off.ToString());
        Assert.AreEqual(0, off.Diagnostics.Count, off.ToString());
    }

    [TestMethod]
    public void TokenInABzip2Member_FailsAtTheArchive_FromTheReadyToRunTask()
    {
        // The ReadyToRun task's folder has no SharpCompress: it must come from the IL folder above.
        var project = TestProject.Create(s_feed, nameof(TokenInABzip2Member_FailsAtTheArchive_FromTheReadyToRunTask));
        string token = TestTokens.User(18);
        string file = project.Write("logs/run.log.bz2", Archives.Bzip2(Encoding.UTF8.GetBytes("started\nHF_TOKEN=" + token + "\n")));

        var build = project.Build();
        var chosen = project.Build("-getProperty:_HfSecretScanTaskAssembly");

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file} : error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
        StringAssert.Contains(build.Messages[0], "run.log(2,10)");
        StringAssert.Contains(
            chosen.Output.Replace('\\', '/'),
            $"tasks/net10.0/{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}/HfSecretScan.MSBuild.dll",
            "the build ran the ReadyToRun task");
    }

    [TestMethod]
    public void ThePackage_CarriesReadyToRunImagesOfTheTask_ForEachSdkPlatform_AndTheIlBuild()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(s_feed.Source, $"HfSecretScan.{s_feed.Version}.nupkg"));
        foreach (string rid in new[] { "linux-x64", "linux-musl-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64" })
        {
            foreach (string assembly in new[] { "HfSecretScan.MSBuild.dll", "HfSecretScan.Core.dll", "Microsoft.Extensions.FileSystemGlobbing.dll" })
            {
                Assert.IsTrue(IsReadyToRun(package, $"tasks/net10.0/{rid}/{assembly}"), $"{rid}/{assembly} is a ReadyToRun image");
            }

            Assert.IsNotNull(package.GetEntry($"tasks/net10.0/{rid}/HfSecretScan.MSBuild.deps.json"), rid);
        }

        foreach (string assembly in new[] { "HfSecretScan.MSBuild.dll", "HfSecretScan.Core.dll", "SharpCompress.dll" })
        {
            Assert.IsFalse(IsReadyToRun(package, "tasks/net10.0/" + assembly), assembly + " in the fallback folder is IL");
        }
    }

    private static bool IsReadyToRun(System.IO.Compression.ZipArchive package, string path)
    {
        var entry = package.GetEntry(path) ?? throw new AssertFailedException(path + " is missing from the package");
        using var stream = new MemoryStream();
        using (var read = entry.Open())
        {
            read.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    [TestMethod]
    public void CleanProject_Builds()
    {
        var project = TestProject.Create(s_feed, nameof(CleanProject_Builds));

        var build = project.Build("-v:n");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Diagnostics.Count, build.ToString());
        StringAssert.StartsWith(build.Summary, "HfSecretScan: 3 files, 3 read", build.ToString());
    }

    [TestMethod]
    public void WarningSeverity_WarnsAndBuilds()
    {
        var project = TestProject.Create(s_feed, nameof(WarningSeverity_WarnsAndBuilds), properties: "<HfSecretScanSeverity>warning</HfSecretScanSeverity>");
        string file = project.Write("Secrets.cs", CsFileWith(TestTokens.User(17)));

        var build = project.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(4,34): warning HFS001" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void Disabled_DoesNotScan()
    {
        var project = TestProject.Create(s_feed, nameof(Disabled_DoesNotScan), properties: "<HfSecretScanEnabled>false</HfSecretScanEnabled>");
        project.Write("Secrets.cs", CsFileWith(TestTokens.User(18)));

        var build = project.Build("-v:n");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Diagnostics.Count, build.ToString());
        Assert.AreEqual(string.Empty, build.Summary, build.ToString());
    }

    [TestMethod]
    [DataRow("error")]
    [DataRow("warning")]
    public void NoWarn_SilencesTheCode_AtEitherSeverity(string severity)
    {
        var project = TestProject.Create(
            s_feed,
            nameof(NoWarn_SilencesTheCode_AtEitherSeverity) + severity,
            properties: $"<HfSecretScanSeverity>{severity}</HfSecretScanSeverity><NoWarn>$(NoWarn);HFS001</NoWarn>");
        project.Write("Secrets.cs", CsFileWith(TestTokens.User(19)));
        string org = project.Write("org.txt", TestTokens.Org(20) + "\n");

        var build = project.Build();

        // Only the silenced code goes quiet: the org token's HFS002 still counts.
        Assert.AreEqual(severity == "error" ? 1 : 0, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{org}(1,1): {severity} HFS002" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void WarningsAsErrors_TurnsTheWarningIntoAnError()
    {
        var project = TestProject.Create(
            s_feed,
            nameof(WarningsAsErrors_TurnsTheWarningIntoAnError),
            properties: "<HfSecretScanSeverity>warning</HfSecretScanSeverity><WarningsAsErrors>$(WarningsAsErrors);HFS001</WarningsAsErrors>");
        string file = project.Write("Secrets.cs", CsFileWith(TestTokens.User(21)));

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(4,34): error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void MultiTargetedProject_ReportsEachFindingOnce()
    {
        var project = TestProject.Create(
            s_feed,
            nameof(MultiTargetedProject_ReportsEachFindingOnce),
            targetFramework: "<TargetFrameworks>net10.0;net10.0-browser</TargetFrameworks>");
        string file = project.Write("Secrets.cs", CsFileWith(TestTokens.User(22)));

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{file}(4,34): error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void AllowComments_ExcludeGlobs_AndOutputFolders_AreNotReported()
    {
        var project = TestProject.Create(
            s_feed,
            nameof(AllowComments_ExcludeGlobs_AndOutputFolders_AreNotReported),
            properties: "<HfSecretScanExclude>fixtures/**;*.snapshot</HfSecretScanExclude>",
            items: """<None Include="obj/leftover.txt" /><None Include="bin/leftover.txt" />""");
        project.Write("Allowed.cs", "namespace Sample;\n\npublic static class Allowed\n{\n    public const string Revoked = \"" + TestTokens.User(23) + "\"; // hf-scan:allow revoked test token\n}\n");
        project.Write("fixtures/recorded.json", "{\"token\":\"" + TestTokens.User(24) + "\"}\n");
        project.Write("api.snapshot", TestTokens.User(25) + "\n");
        project.Write("obj/leftover.txt", TestTokens.User(26) + "\n");
        project.Write("bin/leftover.txt", TestTokens.User(27) + "\n");

        var build = project.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Diagnostics.Count, build.ToString());
    }

    [TestMethod]
    public void BaselineFromRepositoryConfig_AcceptsKnownFindingsOnly()
    {
        var project = TestProject.Create(s_feed, nameof(BaselineFromRepositoryConfig_AcceptsKnownFindingsOnly));
        string known = TestTokens.User(28);
        project.Write("Known.cs", CsFileWith(known));
        string fresh = project.Write("Fresh.cs", CsFileWith(TestTokens.User(29)));
        string fingerprint = new Secret(TokenRules.UserToken, known).Fingerprint;
        project.Write(".config/hf-scan.json", "{ \"baseline\": \".config/hf-scan-baseline.json\" }\n");
        project.Write(".config/hf-scan-baseline.json", $$"""{ "version": 1, "findings": [ { "fingerprint": "{{fingerprint}}", "rule": "hf-user-token", "path": "Known.cs" } ] }""");

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{fresh}(4,34): error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void RepositoryConfiguration_ExcludeGlobsAndBaseline_ApplyAsInEveryCommand()
    {
        // The same layout as the tool's SameRulesTests: a fixture folder the configuration excludes, an accepted token, a new one.
        var project = TestProject.Create(s_feed, nameof(RepositoryConfiguration_ExcludeGlobsAndBaseline_ApplyAsInEveryCommand));
        string known = TestTokens.User(904);
        project.Write("fixtures/Leak.cs", CsFileWith(TestTokens.User(905)));
        project.Write("src/Known.cs", CsFileWith(known));
        string fresh = project.Write("src/New.cs", CsFileWith(TestTokens.User(906)));
        string fingerprint = new Secret(TokenRules.UserToken, known).Fingerprint;
        project.Write(".config/hf-scan.json", "{ \"exclude\": [\"fixtures/\"], \"baseline\": \".config/hf-scan-baseline.json\" }\n");
        project.Write(".config/hf-scan-baseline.json", $$"""{ "version": 1, "findings": [ { "fingerprint": "{{fingerprint}}", "rule": "hf-user-token", "path": "src/Known.cs" } ] }""");

        var build = project.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{fresh}(4,34): error HFS001" }, build.Diagnostics.ToArray(), build.ToString());
    }

    [TestMethod]
    public void UnreadableItem_WarnsWithHfs901()
    {
        var project = TestProject.Create(s_feed, nameof(UnreadableItem_WarnsWithHfs901), items: """<None Include="missing.txt" />""");

        var build = project.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { $"{Path.Combine(project.Directory, "missing.txt")} : warning HFS901" }, build.Diagnostics.ToArray(), build.ToString());
        StringAssert.Contains(build.Messages[0], "Not scanned for Hugging Face tokens");
    }

    [TestMethod]
    public void DesignTimeBuild_DoesNotScan()
    {
        var project = TestProject.Create(s_feed, nameof(DesignTimeBuild_DoesNotScan));
        project.Write("Secrets.cs", CsFileWith(TestTokens.User(30)));

        var build = project.Build("-p:DesignTimeBuild=true", "-v:n");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Diagnostics.Count, build.ToString());
        Assert.AreEqual(string.Empty, build.Summary, build.ToString());
    }

    [TestMethod]
    public void MSBuildOlderThan18_WarnsOnceThatTheScanWasSkipped_WithoutALoadError()
    {
        var project = TestProject.Create(s_feed, nameof(MSBuildOlderThan18_WarnsOnceThatTheScanWasSkipped_WithoutALoadError));
        project.Write("Secrets.cs", CsFileWith(TestTokens.User(31)));

        // What the targets conclude on MSBuild before 18.0; a global property overrides their own verdict.
        var build = project.Build("-p:_HfSecretScanMSBuild18=false");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(1, build.Diagnostics.Count, build.ToString());
        StringAssert.EndsWith(build.Diagnostics[0], ": warning HFS900", build.ToString());
        StringAssert.Contains(build.Messages[0], "needs MSBuild 18.0 or later");
        Assert.IsFalse(build.Output.Contains("MSB4062", StringComparison.Ordinal), build.ToString());
    }

    [TestMethod]
    public void A_corrupt_cache_is_ignored_and_rebuilt_never_trusted()
    {
        var project = TestProject.Create(s_feed, nameof(A_corrupt_cache_is_ignored_and_rebuilt_never_trusted));
        string token = TestTokens.User(14);
        string file = project.Write("Secrets.cs", CsFileWith(token));
        var first = project.Build("-v:n");
        StringAssert.Contains(first.Summary, " 0 from cache", first.ToString());
        string cache = Path.Combine(project.Directory, "obj", "Debug", "net10.0", "hfsecretscan.cache");
        string good = File.ReadAllText(cache);
        string fileLine = good.Split('\n').Single(l => l.StartsWith(file + "\t", StringComparison.Ordinal));
        string findingLine = good.Split('\n').Single(l => l.Contains('\u2026', StringComparison.Ordinal));
        string[] finding = findingLine.Split('\t');
        finding[6] = token;
        var corrupt = new Dictionary<string, string>
        {
            ["truncated"] = good[..(good.IndexOf(fileLine, StringComparison.Ordinal) + file.Length + 4)],
            ["garbage"] = Encoding.Latin1.GetString([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 151 % 251))]),
            ["another version"] = good.Replace("hfsecretscan-cache 2", "hfsecretscan-cache 3", StringComparison.Ordinal),
            ["a finding count it cannot hold"] = good.Replace(fileLine, fileLine[..fileLine.LastIndexOf('\t')] + "\t2000000000", StringComparison.Ordinal),
            ["a negative count"] = good.Replace(fileLine, fileLine[..fileLine.LastIndexOf('\t')] + "\t-1", StringComparison.Ordinal),
            ["a whole token where the redacted one goes"] = good.Replace(findingLine, string.Join('\t', finding), StringComparison.Ordinal),
        };

        foreach (var (what, text) in corrupt)
        {
            File.WriteAllText(cache, text);

            var build = project.Build("-v:n");

            Assert.AreEqual(1, build.ExitCode, $"{what}: {build}");
            Assert.AreEqual(first.Summary, build.Summary, $"every file read again, as the first time: {what}: {build}");
            CollectionAssert.AreEqual(first.Diagnostics.ToArray(), build.Diagnostics.ToArray(), $"{what}: {build}");
            Assert.IsFalse(build.Output.Contains(token, StringComparison.Ordinal), what + ": the secret is never printed");
        }

        var rebuilt = project.Build("-v:n");
        StringAssert.Contains(rebuilt.Summary, " 0 read, ", "the cache was written again, whole: " + rebuilt);
        Assert.HasCount(1, Directory.GetFiles(Path.GetDirectoryName(cache)!, "*hfsecretscan.cache*"), "no temporary file left beside it");
    }

    private static string CsFileWith(string value) =>
        "namespace Sample;\npublic static class Secrets\n{\n    public const string Token = \"" + value + "\";\n}\n";
}
