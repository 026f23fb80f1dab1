using System.Globalization;
using System.Text;
using HfSecretScan.Detection;
using HfSecretScan.Findings;
using HfSecretScan.MSBuild.Selection;
using HfSecretScan.Pipeline;

namespace HfSecretScan.MSBuild.Caching;

/// <summary>
/// The per-file results of earlier builds, kept in a small text file in the intermediate output
/// folder: a header, the last clean build's inputs when the last build was clean (<see cref="CleanBuild"/>),
/// then one line per file (path, length, last write time, finding count), then one line per
/// finding (rule, position, fingerprint, redacted token). Text, not JSON, so that a no-change
/// build loads it in well under a millisecond. A cache written by another engine build, or one
/// that does not parse (truncated, garbage, a count or size it cannot hold), is dropped and every
/// file is scanned again: nothing in it is trusted beyond what it could have written.
/// </summary>
internal sealed class ScanCache
{
    private const string Magic = "hfsecretscan-cache 2";
    private const string CleanMark = "clean";
    private const string UncleanMark = "unclean";
    private const char Separator = '\t';

    // Far above any project's cache (about 100 bytes a file); a bigger file is not one it wrote.
    private const long MaxCacheBytes = 256L << 20;

    private readonly Dictionary<string, CachedFile> _files;

    private ScanCache(Dictionary<string, CachedFile> files) => _files = files;

    /// <summary>Number of files the cache knows.</summary>
    public int Count => _files.Count;

    /// <summary>What the cache holds for <paramref name="fullPath"/>, whatever the file's stamp now.</summary>
    public CachedFile? Find(string fullPath) => _files.GetValueOrDefault(fullPath);

    /// <summary>A cache with nothing in it.</summary>
    public static ScanCache Empty() => new(new Dictionary<string, CachedFile>(FileSystemPaths.Comparer));

    /// <summary>The cached result for <paramref name="fullPath"/> when the file still has <paramref name="stamp"/>.</summary>
    public CachedFile? Lookup(string fullPath, FileStamp stamp) =>
        _files.TryGetValue(fullPath, out var file) && file.Stamp == stamp ? file : null;

    /// <summary>Reads the cache at <paramref name="path"/>; an empty cache when it is missing, stale or unreadable.</summary>
    /// <param name="path">The cache file.</param>
    /// <param name="engineId">Identifies the scanning code; a cache written by other code is dropped.</param>
    public static ScanCache Load(string path, string engineId)
    {
        var cache = Empty();
        if (ReadText(path) is not { } text)
        {
            return cache;
        }

        // Every line ends with a newline, so the last piece is empty.
        string[] lines = text.Split('\n');
        int end = lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (end < 2 || lines[0] != Magic + Separator + engineId)
        {
            return cache;
        }

        try
        {
            int i = 2;
            if (lines[1] != UncleanMark)
            {
                string[] clean = lines[1].Split(Separator);
                if (clean.Length != 4 || clean[0] != CleanMark)
                {
                    return cache;
                }

                i += NonNegative(int.Parse(clean[1], CultureInfo.InvariantCulture)) + NonNegative(int.Parse(clean[2], CultureInfo.InvariantCulture));
            }

            while (i < end)
            {
                string[] file = lines[i++].Split(Separator);
                var stamp = new FileStamp(NonNegative(long.Parse(file[1], CultureInfo.InvariantCulture)), long.Parse(file[2], CultureInfo.InvariantCulture));
                int count = int.Parse(file[3], CultureInfo.InvariantCulture);

                // Checked before the array is made: a forged count must not allocate gigabytes.
                if (count < 0 || count > end - i)
                {
                    return Empty();
                }

                var findings = new CachedFinding[count];
                for (int k = 0; k < count; k++)
                {
                    findings[k] = ParseFinding(lines[i++].Split(Separator));
                }

                cache._files[file[0]] = new CachedFile(stamp, findings);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentException)
        {
            return Empty();
        }

        return cache;
    }

    /// <summary>A cache holding exactly <paramref name="files"/>.</summary>
    public static ScanCache Of(IEnumerable<KeyValuePair<string, CachedFile>> files)
    {
        var cache = Empty();
        foreach (var (path, file) in files)
        {
            cache._files[path] = file;
        }

        return cache;
    }

    /// <summary>Writes the cache to <paramref name="path"/> whole or not at all (<see cref="AtomicFile"/>), so a reader never sees half of it.</summary>
    /// <param name="path">The cache file.</param>
    /// <param name="engineId">Identifies the scanning code and its layer settings.</param>
    /// <param name="clean">This build's inputs when its scan came out clean; written only when every file's line is.</param>
    /// <exception cref="InputException">It could not be written; the previous cache is as it was.</exception>
    public void Save(string path, string engineId, CleanBuild? clean)
    {
        var files = new StringBuilder();
        int written = 0;
        foreach (var (file, entry) in _files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // A path that cannot be written on one line, or that holds a token (a file named after one), is
            // simply scanned every time: the cache never stores a token whole.
            if (!Writable(file) || entry.Findings.Any(f => f.InnerPath is { } inner && !OnOneLine(inner)))
            {
                continue;
            }

            written++;
            files.Append(CultureInfo.InvariantCulture, $"{file}{Separator}{entry.Stamp.Length}{Separator}{entry.Stamp.LastWriteTicks}{Separator}{entry.Findings.Count}\n");
            foreach (var f in entry.Findings)
            {
                files.Append(CultureInfo.InvariantCulture, $"{f.Rule.Id}{Separator}{f.Line}{Separator}{f.Column}{Separator}{f.ByteOffset}{Separator}{f.Form}{Separator}{f.Fingerprint}{Separator}{f.Redacted}{Separator}{f.InnerPath}{Separator}{string.Join(',', f.Decoded)}\n");
            }
        }

        var text = new StringBuilder(files.Length + 4096);
        text.Append(Magic).Append(Separator).Append(engineId).Append('\n');

        // A file left out above would go unchecked by the no-change answer: then there is no record, nor when
        // a parameter or watched path holds a token.
        if (clean is not null && written == clean.FileCount && written == _files.Count && clean.Watched.All(w => Writable(w.Path)) && clean.Parameters.All(HoldsNoToken))
        {
            text.Append(CultureInfo.InvariantCulture, $"{CleanMark}{Separator}{clean.Parameters.Count}{Separator}{clean.Watched.Count}{Separator}{clean.FileCount}\n");
            foreach (string parameter in clean.Parameters)
            {
                text.Append(parameter).Append('\n');
            }

            foreach (var watched in clean.Watched)
            {
                text.Append(CultureInfo.InvariantCulture, $"{watched.Path}{Separator}{watched.Stamp?.Length ?? -1}{Separator}{watched.Stamp?.LastWriteTicks ?? 0}\n");
            }
        }
        else
        {
            text.Append(UncleanMark).Append('\n');
        }

        text.Append(files);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text.ToString())));
    }

    /// <summary>
    /// Whether the build with <paramref name="parameters"/> is one <see cref="CleanBuild"/> describes: the
    /// same engine, parameters and root, and the same stamps on the configuration, the baseline and every
    /// file in the cache. Reads the cache file and stats each file once; builds no table.
    /// </summary>
    /// <param name="path">The cache file.</param>
    /// <param name="enginePrefix">The scanning code's id, without the layer settings (the parameters and the configuration's stamp decide those).</param>
    /// <param name="parameters">This build's parameters, as <see cref="CleanBuild.Parameters"/> holds them.</param>
    /// <returns>The number of files chosen, all clean; null when anything differs, or the cache is missing or not one it wrote.</returns>
    public static int? ConfirmClean(string path, string enginePrefix, IReadOnlyList<string> parameters)
    {
        if (ReadText(path) is not { } text)
        {
            return null;
        }

        var lines = text.AsSpan().EnumerateLines();
        if (!lines.MoveNext() || !lines.Current.StartsWith(Magic + Separator + enginePrefix + "-", StringComparison.Ordinal) || !lines.MoveNext())
        {
            return null;
        }

        Span<Range> fields = stackalloc Range[5];
        var clean = lines.Current;
        if (clean.Split(fields, Separator) != 4 || !clean[fields[0]].SequenceEqual(CleanMark)
            || !int.TryParse(clean[fields[1]], NumberStyles.None, CultureInfo.InvariantCulture, out int parameterCount) || parameterCount != parameters.Count
            || !int.TryParse(clean[fields[2]], NumberStyles.None, CultureInfo.InvariantCulture, out int watchedCount)
            || !int.TryParse(clean[fields[3]], NumberStyles.None, CultureInfo.InvariantCulture, out int fileCount))
        {
            return null;
        }

        foreach (string parameter in parameters)
        {
            if (!lines.MoveNext() || !lines.Current.SequenceEqual(parameter))
            {
                return null;
            }
        }

        for (int i = 0; i < watchedCount + fileCount; i++)
        {
            // Watched files are path, length, time; files add their finding count, which is 0 in a clean build.
            if (!lines.MoveNext())
            {
                return null;
            }

            var line = lines.Current;
            int count = line.Split(fields, Separator);
            bool isFile = i >= watchedCount;
            if (count != (isFile ? 4 : 3) || (isFile && !line[fields[3]].SequenceEqual("0"))
                || !long.TryParse(line[fields[1]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long length)
                || !long.TryParse(line[fields[2]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ticks))
            {
                return null;
            }

            var now = FileStamp.Of(line[fields[0]].ToString());
            if (now is null ? isFile || length != -1 : now.Length != length || now.LastWriteTicks != ticks)
            {
                return null;
            }
        }

        // Nothing after the files: a clean build has no finding lines.
        while (lines.MoveNext())
        {
            if (!lines.Current.IsEmpty)
            {
                return null;
            }
        }

        return fileCount;
    }

    /// <summary>The cache file's text; null when it is missing, unreadable or bigger than any cache it writes.</summary>
    private static string? ReadText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxCacheBytes ? File.ReadAllText(path, Encoding.UTF8) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool OnOneLine(string text) => text.AsSpan().IndexOfAny(Separator, '\n', '\r') < 0;

    private static bool HoldsNoToken(string text) => Secret.RedactAll(text) == text;

    private static bool Writable(string path) => OnOneLine(path) && HoldsNoToken(path);

    /// <summary>One finding line; what the cache could not have written (an unknown form, a fingerprint that is no SHA-256, a whole token) is a <see cref="FormatException"/>.</summary>
    private static CachedFinding ParseFinding(string[] f) => new(
        TokenRules.FindById(f[0]) ?? throw new FormatException("Unknown rule " + f[0]),
        NonNegative(int.Parse(f[1], CultureInfo.InvariantCulture)),
        NonNegative(int.Parse(f[2], CultureInfo.InvariantCulture)),
        NonNegative(long.Parse(f[3], CultureInfo.InvariantCulture)),
        Enum.TryParse<ByteForm>(f[4], out var form) && Enum.IsDefined(form) && !char.IsAsciiDigit(f[4][0]) ? form : throw new FormatException("Unknown form " + f[4]),
        f[5].Length == 64 && f[5].All(char.IsAsciiHexDigitLower) ? f[5] : throw new FormatException("Not a fingerprint"),
        Unchanged(f[6]),
        f[7].Length == 0 ? null : Unchanged(f[7]),
        f[8].Length == 0 ? [] : Unchanged(f[8]).Split(','));

    private static T NonNegative<T>(T value)
        where T : System.Numerics.INumber<T> =>
        T.IsNegative(value) ? throw new FormatException("Negative number") : value;

    /// <summary>Text the cache shows in a message: it never writes a whole token, so one there is forged.</summary>
    private static string Unchanged(string text) => Secret.RedactAll(text) == text ? text : throw new FormatException("A whole token");
}
