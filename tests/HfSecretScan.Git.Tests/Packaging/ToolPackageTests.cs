using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace HfSecretScan.Git.Tests.Packaging;

/// <summary>
/// Packs a copy of the source tree the way pre-commit does and the way a release does (`dotnet pack
/// -o artifacts`), in the same folder, then reads the packages and installs the release one as a tool.
/// On a linux-x64 machine its package is Native AOT: the installed tool then runs every command a
/// hook or a developer runs (scan, staged, history, the pre-commit hook) on a real repository.
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class ToolPackageTests
{
    private const string PackageId = "HfSecretScan.Tool";

    private static readonly string[] ManagedAssemblies =
        ["dotnet-hf-scan.dll", "HfSecretScan.Core.dll", "HfSecretScan.Git.Repository.dll", "HfSecretScan.Git.Storage.dll", "HfSecretScan.Hub.dll", "LibGit2Sharp.dll", "System.CommandLine.dll"];

    private static readonly string[] PlatformPackages = ["linux-x64", "linux-arm64", "linux-musl-x64", "osx-arm64", "osx-x64", "win-x64"];

    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void Pre_commit_gets_one_ReadyToRun_package_and_a_release_gets_a_native_package_per_platform_plus_a_portable_fallback()
    {
        var root = Directory.CreateTempSubdirectory("hfscan-pack-");
        try
        {
            SourceTree.CopyWorkingFiles(root.FullName);

            // pre-commit installs every package it finds as a tool: exactly one, RID-neutral, R2R for this machine.
            string preCommit = Pack(root.FullName, "pre-commit-build");
            string preCommitPackage = Directory.GetFiles(preCommit, "*.nupkg").Single();
            Assert.AreEqual(PackageId, PackageIdOf(preCommitPackage));
            AssertAssemblies(preCommitPackage, "tools/net10.0/any/", readyToRun: true);

            string artifacts = Pack(root.FullName, "artifacts");
            string[] packages = Directory.GetFiles(artifacts, "*.nupkg");
            string pointer = packages.Single(p => PackageIdOf(p) == PackageId);
            var listed = RuntimeIdentifierPackages(pointer);
            CollectionAssert.AreEquivalent(PlatformPackages.Append("any").ToArray(), listed.Keys.ToArray());
            Assert.AreEqual(listed.Count + 1, packages.Length, "one package per listed platform plus the pointer package");

            string host = RuntimeInformation.RuntimeIdentifier;
            foreach (var (rid, id) in listed)
            {
                string package = packages.Single(p => PackageIdOf(p) == id);
                using var archive = ZipFile.OpenRead(package);
                if (IsNativeAot(rid, host))
                {
                    // One native executable, no managed assembly left to JIT.
                    // Self-contained, so the SDK files it under no framework: tools/any/RID/.
                    Assert.IsNotNull(archive.GetEntry($"tools/any/{rid}/dotnet-hf-scan"), $"no native executable in the {rid} package");
                    string[] extra = [.. archive.Entries.Select(e => e.Name).Where(n => n.EndsWith(".dll", StringComparison.Ordinal) || n.EndsWith(".dbg", StringComparison.Ordinal) || n.EndsWith(".pdb", StringComparison.Ordinal))];
                    Assert.IsEmpty(extra, $"the Native AOT {rid} package holds assemblies or symbols: {string.Join(", ", extra)}");
                }
                else
                {
                    AssertAssemblies(package, $"tools/net10.0/{rid}/", readyToRun: rid != "any");
                }

                var natives = archive.Entries.Where(e => e.Name.Contains("git2-", StringComparison.Ordinal)).Select(e => e.FullName).ToList();
                if (rid == "any")
                {
                    // The fallback runs anywhere, so it carries libgit2 for every platform.
                    foreach (string native in new[] { "win-x64/native/git2-", "osx-arm64/native/libgit2-", "linux-arm64/native/libgit2-" })
                    {
                        Assert.IsTrue(natives.Any(n => n.Contains("/runtimes/" + native, StringComparison.Ordinal)), $"no {native} in the portable package");
                    }
                }
                else
                {
                    Assert.HasCount(1, natives, $"the {rid} package should carry its own libgit2 only: {string.Join(", ", natives)}");
                }
            }

            Assert.Contains(host, listed.Keys, $"this machine's platform {host} has no package of its own");
            AssertInstallsAndRuns(root.FullName, artifacts, host);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void AssertInstallsAndRuns(string root, string feed, string host)
    {
        string toolPath = Path.Combine(root, "installed");
        var install = ProcessRun.Run(root, "dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", feed, "--prerelease", PackageId], timeoutSeconds: 180);
        Assert.AreEqual(0, install.ExitCode, install.ToString());

        string tool = Path.Combine(toolPath, "dotnet-hf-scan");
        var version = ProcessRun.Run(root, tool, ["--version"]);
        Assert.AreEqual(0, version.ExitCode, version.ToString());
        StringAssert.StartsWith(version.Output, "0.");

        // `dotnet tool install` picks this platform's package.
        if (IsNativeAot(host, host))
        {
            Assert.IsFalse(Directory.EnumerateFiles(toolPath, "dotnet-hf-scan.dll", SearchOption.AllDirectories).Any(), "the installed tool is not the Native AOT one");
            AssertServesEveryCommand(tool);
            return;
        }

        string installed = Directory.GetFiles(toolPath, "dotnet-hf-scan.dll", SearchOption.AllDirectories).Single();
        StringAssert.Contains(installed, "." + host, StringComparison.OrdinalIgnoreCase);
        using var stream = File.OpenRead(installed);
        Assert.IsTrue(IsReadyToRun(stream), $"{installed} is not ReadyToRun");
    }

    /// <summary>The Native AOT build runs scan, staged, history and the pre-commit hook as the IL build does: each finds the staged or committed token.</summary>
    private static void AssertServesEveryCommand(string tool)
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        repo.Commit("old.env", "HF_TOKEN=" + TestTokens.User(41) + "\n", "an old leak");
        repo.Write("new.env", "HF_TOKEN=" + TestTokens.User(42) + "\n");
        repo.Git("add", "new.env");

        foreach (var (args, path) in new (string[] Args, string Path)[] { (["scan", "."], "new.env"), (["staged"], "new.env"), (["history"], "old.env") })
        {
            var run = ProcessRun.Run(repo.Path, tool, [.. args, "--format", "json"]);
            Assert.AreEqual(1, run.ExitCode, $"{string.Join(' ', args)}: {run}");
            StringAssert.Contains(run.Output, $"\"{path}\"", $"{string.Join(' ', args)} finds the token in {path}");
        }

        var install = ProcessRun.Run(repo.Path, tool, ["hook", "install"]);
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        var commit = ProcessRun.Run(repo.Path, "git", ["commit", "-q", "-m", "leak"]);
        Assert.AreNotEqual(0, commit.ExitCode, "the pre-commit hook lets the token through: " + commit);
        StringAssert.Contains(commit.Output + commit.Error, "new.env");
    }

    /// <summary>The linux-x64 package is Native AOT when packed on linux-x64 (Native AOT compiles only for the OS it runs on).</summary>
    private static bool IsNativeAot(string rid, string host) => rid == "linux-x64" && host == "linux-x64";

    private static string Pack(string root, string outputFolder)
    {
        string output = Path.Combine(root, outputFolder);
        var pack = ProcessRun.Run(root, "dotnet", ["pack", "src/HfSecretScan.Tool/HfSecretScan.Tool.csproj", "-c", "Release", "-o", output, "-nologo"], timeoutSeconds: 900);
        Assert.AreEqual(0, pack.ExitCode, pack.ToString());
        return output;
    }

    private static string PackageIdOf(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Descendants().Single(e => e.Name.LocalName == "id").Value;
    }

    private static Dictionary<string, string> RuntimeIdentifierPackages(string pointer)
    {
        using var archive = ZipFile.OpenRead(pointer);
        var settings = archive.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using var stream = settings.Open();
        return XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
            .ToDictionary(e => (string)e.Attribute("RuntimeIdentifier")!, e => (string)e.Attribute("Id")!);
    }

    private static void AssertAssemblies(string package, string folder, bool readyToRun)
    {
        using var archive = ZipFile.OpenRead(package);
        foreach (string name in ManagedAssemblies)
        {
            var entry = archive.GetEntry(folder + name);
            Assert.IsNotNull(entry, $"no {folder}{name} in {Path.GetFileName(package)}");
            using var stream = new MemoryStream();
            using (var compressed = entry.Open())
            {
                compressed.CopyTo(stream);
            }

            stream.Position = 0;
            Assert.AreEqual(readyToRun, IsReadyToRun(stream), $"{name} in {Path.GetFileName(package)}: ReadyToRun expected {readyToRun}");
        }
    }

    private static bool IsReadyToRun(Stream assembly)
    {
        using var reader = new PEReader(assembly, PEStreamOptions.LeaveOpen);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
