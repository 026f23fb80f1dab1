namespace HfSecretScan.Containers;

/// <summary>How paths into containers are written: levels joined by <c>!</c>, as in <c>dist/app.nupkg!lib/net10.0/appsettings.json</c>.</summary>
public static class ContainerPath
{
    /// <summary>Separates a container from the path of a member inside it.</summary>
    public const char Separator = '!';

    /// <summary><paramref name="member"/> followed by the path below it, <paramref name="below"/> (null when there is none).</summary>
    public static string Join(string member, string? below) => below is null ? member : member + Separator + below;

    /// <summary>
    /// Stands for the name of a compressed stream that records none (a gzip without a name, bzip2,
    /// xz): <see cref="Resolve"/> replaces it with the name of the file it came from, without its
    /// extension, once that is known (history scans blobs before it knows their paths).
    /// </summary>
    public const string Unnamed = "\u0000";

    /// <summary><paramref name="inner"/> below <paramref name="outer"/> with every <see cref="Unnamed"/> level named after the level above it.</summary>
    public static string Resolve(string outer, string inner)
    {
        if (!inner.Contains(Unnamed, StringComparison.Ordinal))
        {
            return inner;
        }

        var segments = inner.Split(Separator);
        string above = outer;
        for (int i = 0; i < segments.Length; i++)
        {
            if (segments[i] == Unnamed)
            {
                string name = above[(above.LastIndexOfAny(['/', '\\']) + 1)..];
                int dot = name.LastIndexOf('.');
                segments[i] = dot > 0 ? name[..dot] : name;
            }

            above = segments[i];
        }

        return string.Join(Separator, segments);
    }

    /// <summary>Whether a member's name could write outside a folder it were extracted to: a <c>..</c> segment or an absolute path.</summary>
    public static bool IsUnsafe(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || (name.Length >= 2 && name[1] == ':') ||
        name.Split('/', '\\').Any(segment => segment == "..");
}
