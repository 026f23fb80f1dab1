namespace HfSecretScan.Containers;

/// <summary>How paths into containers are written: levels joined by <c>!</c>, as in <c>dist/app.nupkg!lib/net10.0/appsettings.json</c>.</summary>
public static class ContainerPath
{
    /// <summary>Separates a container from the path of a member inside it.</summary>
    public const char Separator = '!';

    /// <summary><paramref name="member"/> inside the container at <paramref name="inner"/> (null for the scanned content itself).</summary>
    public static string Join(string? inner, string member) => inner is null ? member : inner + Separator + member;
}
