using System.Reflection;

namespace HfSecretScan.Tool.Cli;

internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The package version (without the <c>+commit</c> build metadata), as manifests and package references name it.</summary>
    public static string Package { get; } = Current.Split('+')[0];
}
