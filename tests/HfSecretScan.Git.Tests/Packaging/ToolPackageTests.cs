using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace HfSecretScan.Git.Tests.Packaging;

/// <summary>
/// Packs a copy of the source tree the way pre-commit does and the way a release does (`dotnet pack
/// -o artifacts`), in the same folder, then reads the packages and installs the release one as a tool.
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
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Pre_commit_gets_one_ReadyToRun_package_and_a_release_gets_a_ReadyToRun_package_per_platform_plus_a_portable_fallback()
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
                AssertAssemblies(package, $"tools/net10.0/{rid}/", readyToRun: rid != "any");
                using var archive = ZipFile.OpenRead(package);
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

            Assert.Contains(host, listed.Keys, $"this machine's platform {host} has no ReadyToRun package");
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

        // `dotnet tool install` picks this platform's package: its assemblies are the R2R ones.
        string installed = Directory.GetFiles(toolPath, "dotnet-hf-scan.dll", SearchOption.AllDirectories).Single();
        StringAssert.Contains(installed, "." + host, StringComparison.OrdinalIgnoreCase);
        using (var stream = File.OpenRead(installed))
        {
            Assert.IsTrue(IsReadyToRun(stream), $"{installed} is not ReadyToRun");
        }

        var version = ProcessRun.Run(root, Path.Combine(toolPath, "dotnet-hf-scan"), ["--version"]);
        Assert.AreEqual(0, version.ExitCode, version.ToString());
        StringAssert.StartsWith(version.Output, "0.");
    }

    private static string Pack(string root, string outputFolder)
    {
        string output = Path.Combine(root, outputFolder);
        var pack = ProcessRun.Run(root, "dotnet", ["pack", "src/HfSecretScan.Tool/HfSecretScan.Tool.csproj", "-c", "Release", "-o", output, "-nologo"], timeoutSeconds: 300);
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
