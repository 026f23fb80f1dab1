using System.Text;

namespace HfSecretScan.MSBuild.Caching;

/// <summary>
/// What a clean build's scan depended on besides the files themselves: the task's parameters, the
/// project root, and the configuration and baseline files it read. A build is clean when every file
/// chosen was read or answered from the cache and nothing was found, skipped or went wrong. A later
/// build with the same parameters, the same root, and the same stamps on those two files and on every
/// cached file would come out clean the same way, so the task answers it from the cache file alone,
/// without building the pipeline: most builds are such builds (bench/notes/msbuild.md).
/// </summary>
/// <param name="Parameters">One line per parameter and item, escaped (<see cref="Escape"/>), in the order the task got them.</param>
/// <param name="Watched">The configuration and baseline files, with their stamps when the build read them (null: missing).</param>
/// <param name="FileCount">Files chosen, all of them in the cache with no finding.</param>
internal sealed record CleanBuild(IReadOnlyList<string> Parameters, IReadOnlyList<WatchedFile> Watched, int FileCount)
{
    /// <summary>
    /// <paramref name="value"/> on one line with no tab: MSBuild properties such as <c>NoWarn</c>
    /// often span lines, and item paths may hold any character.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\t\n\r") < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}

/// <summary>A file the scan's outcome depends on, and its stamp when it was read.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Stamp">Its stamp, or null when it did not exist.</param>
internal sealed record WatchedFile(string Path, FileStamp? Stamp)
{
    /// <summary>The file at <paramref name="path"/> with its stamp now.</summary>
    public static WatchedFile Of(string path) => new(path, FileStamp.Of(path));
}
