using System.IO.Compression;
using System.Reflection.PortableExecutable;

namespace HfSecretScan.Git.Tests.Packaging;

/// <summary>
/// Packs a copy of the source tree the way pre-commit does (ReadyToRun for this machine) and then
/// the portable way, in the same folder, and reads the managed assemblies in both packages.
/// </summary>
[TestClass]
public sealed class ToolPackageTests
{
    private static readonly string[] ManagedAssemblies =
        ["dotnet-hf-scan.dll", "HfSecretScan.Core.dll", "HfSecretScan.Git.dll", "LibGit2Sharp.dll", "System.CommandLine.dll"];

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void The_pre_commit_package_is_ReadyToRun_and_the_portable_one_stays_IL_only_with_every_native_library()
    {
        var root = Directory.CreateTempSubdirectory("hfscan-pack-");
        try
        {
            SourceTree.CopyWorkingFiles(root.FullName);
            string preCommit = Pack(root.FullName, "pre-commit-build");
            string portable = Pack(root.FullName, "artifacts");

            foreach (string name in ManagedAssemblies)
            {
                Assert.IsTrue(IsReadyToRun(preCommit, name), $"{name} in the pre-commit package is not ReadyToRun");
                Assert.IsFalse(IsReadyToRun(portable, name), $"{name} in the portable package is ReadyToRun: it would not load on another OS or architecture");
            }

            using var archive = ZipFile.OpenRead(portable);
            foreach (string native in new[] { "win-x64/native/git2-", "osx-arm64/native/libgit2-", "linux-arm64/native/libgit2-" })
            {
                Assert.IsTrue(archive.Entries.Any(e => e.FullName.Contains("/runtimes/" + native, StringComparison.Ordinal)), $"no {native} in the portable package");
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static string Pack(string root, string outputFolder)
    {
        string output = Path.Combine(root, outputFolder);
        var pack = ProcessRun.Run(root, "dotnet", ["pack", "src/HfSecretScan.Tool/HfSecretScan.Tool.csproj", "-c", "Release", "-o", output, "-nologo"], timeoutSeconds: 240);
        Assert.AreEqual(0, pack.ExitCode, pack.ToString());
        return Directory.GetFiles(output, "HfSecretScan.Tool.*.nupkg").Single();
    }

    private static bool IsReadyToRun(string package, string assembly)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith("/any/" + assembly, StringComparison.Ordinal));
        using var stream = new MemoryStream();
        using (var compressed = entry.Open())
        {
            compressed.CopyTo(stream);
        }

        stream.Position = 0;
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
