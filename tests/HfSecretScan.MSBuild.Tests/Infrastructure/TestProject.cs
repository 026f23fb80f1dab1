using System.Text.RegularExpressions;

namespace HfSecretScan.Tests.Infrastructure;

/// <summary>
/// A throwaway SDK project that references only the packed HfSecretScan package, restored from
/// the run's feed alone, and built with the real <c>dotnet build</c>.
/// </summary>
internal sealed partial class TestProject
{
    private readonly PackageFeed _feed;

    private TestProject(PackageFeed feed, string directory)
    {
        _feed = feed;
        Directory = directory;
    }

    /// <summary>The project's folder.</summary>
    public string Directory { get; }

    /// <summary>The project file.</summary>
    public string ProjectFile => Path.Combine(Directory, "Sample.csproj");

    /// <summary>Creates a project; <paramref name="properties"/> and <paramref name="items"/> are raw MSBuild XML.</summary>
    public static TestProject Create(PackageFeed feed, string name, string properties = "", string items = "", string targetFramework = "<TargetFramework>net10.0</TargetFramework>")
    {
        var project = new TestProject(feed, Path.Combine(feed.Root, "projects", name));
        System.IO.Directory.CreateDirectory(project.Directory);
        File.WriteAllText(Path.Combine(project.Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="test-feed" value="{feed.Source}" />
              </packageSources>
            </configuration>
            """);
        project.WriteProjectFile(properties, items, targetFramework);
        project.Write("Library.cs", "namespace Sample;\n\npublic static class Library\n{\n    public static int Answer => 42;\n}\n");
        return project;
    }

    /// <summary>Rewrites the project file.</summary>
    public void WriteProjectFile(string properties = "", string items = "", string targetFramework = "<TargetFramework>net10.0</TargetFramework>") =>
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {targetFramework}
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HfSecretScan" Version="{_feed.Version}" />
                {items}
              </ItemGroup>
            </Project>
            """);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/>; returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes bytes to <paramref name="relativePath"/>; returns the full path.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Runs <c>dotnet build</c> (restore included) with <paramref name="arguments"/> added.</summary>
    public BuildResult Build(params string[] arguments)
    {
        var result = DotNet.Run(Directory, _feed.Packages, ["build", ProjectFile, "-nodeReuse:false", "-p:UseSharedCompilation=false", .. arguments]);
        return new BuildResult(result.ExitCode, result.Output + result.Error);
    }
}

/// <summary>What a build printed and returned.</summary>
internal sealed partial record BuildResult(int ExitCode, string Output)
{
    /// <summary>
    /// The HfSecretScan diagnostics as they were logged, before the closing summary repeats them,
    /// as <c>file(line,col): error HFS001</c> without the message.
    /// </summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. DiagnosticLine().Matches(Log).Select(m => m.Groups["head"].Value)];

    /// <summary>Text of the diagnostics' messages.</summary>
    public IReadOnlyList<string> Messages =>
        [.. DiagnosticLine().Matches(Log).Select(m => m.Groups["message"].Value)];

    private string Log => ClosingSummary().Split(Output)[0];

    /// <summary>The task's summary line (printed at normal verbosity).</summary>
    public string Summary => SummaryLine().Match(Output).Value;

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<head>\S.*?: (?:error|warning) HFS\d{3}): (?<message>.*?)(?: \[[^\]]*\])?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^Build (?:FAILED|succeeded)\.$", RegexOptions.Multiline)]
    private static partial Regex ClosingSummary();

    [GeneratedRegex(@"HfSecretScan: \d+ files, \d+ read, \d+ from cache[^\n]*")]
    private static partial Regex SummaryLine();

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
