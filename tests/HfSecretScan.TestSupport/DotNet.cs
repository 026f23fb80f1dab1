namespace HfSecretScan.Tests;

/// <summary>Runs the real <c>dotnet</c> CLI with an environment that leaves no processes behind.</summary>
public static class DotNet
{
    private const int TimeoutSeconds = 180;

    // The test host's own MSBuild settings must not leak into the builds under test.
    private static readonly string[] HostMSBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH"];

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">Where to run.</param>
    /// <param name="nugetPackages">An isolated NuGet cache, or null for the user's own.</param>
    /// <param name="arguments">The command line after <c>dotnet</c>.</param>
    public static ProcessResult Run(string workingDirectory, string? nugetPackages, params string[] arguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };
        if (nugetPackages is not null)
        {
            environment["NUGET_PACKAGES"] = nugetPackages;
        }

        return ProcessRun.RunAsync(workingDirectory, "dotnet", arguments, environment: environment, timeoutSeconds: TimeoutSeconds, unset: HostMSBuildVariables)
            .GetAwaiter().GetResult();
    }
}
