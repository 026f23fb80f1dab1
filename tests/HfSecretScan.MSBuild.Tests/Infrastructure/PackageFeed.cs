namespace HfSecretScan.Tests.Infrastructure;

/// <summary>
/// The HfSecretScan package, packed once per test run from the sources into a temp folder that
/// serves as the only package source of every test project, with its own NuGet cache.
/// </summary>
internal sealed class PackageFeed
{
    private PackageFeed(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>The run's temp folder: the feed, the NuGet cache and the test projects live under it.</summary>
    public string Root { get; }

    /// <summary>Folder holding the package.</summary>
    public string Source => Path.Combine(Root, "feed");

    /// <summary>The isolated NuGet cache (<c>NUGET_PACKAGES</c>).</summary>
    public string Packages => Path.Combine(Root, "packages");

    /// <summary>The packed version.</summary>
    public string Version { get; }

    /// <summary>Packs <c>src/HfSecretScan.MSBuild</c>; throws with the pack output when it fails.</summary>
    public static PackageFeed Create()
    {
        string root = Path.Combine(Path.GetTempPath(), "hfs-msbuild-tests-" + Guid.NewGuid().ToString("N")[..12]);
        string version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var feed = new PackageFeed(root, version);
        Directory.CreateDirectory(feed.Source);
        Directory.CreateDirectory(feed.Packages);
        string project = Path.Combine(SourceTree.Root(), "src", "HfSecretScan.MSBuild", "HfSecretScan.MSBuild.csproj");

        // Own artifacts folder: the pack never writes into the repository's bin/ and obj/ that other builds use.
        // The user's NuGet cache: the package's own build dependencies are already there from building the repository.
        var result = DotNet.Run(
            root,
            null,
            "pack", project, "-c", "Release", "-o", feed.Source, "--artifacts-path", Path.Combine(root, "artifacts"),
            "-p:PackageVersion=" + version, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(feed.Source, $"HfSecretScan.{version}.nupkg")))
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + result);
        }

        return feed;
    }

    /// <summary>Deletes everything the run created.</summary>
    public void Delete()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file must not fail the run; the folder is in temp.
        }
    }
}
