using System.Globalization;
using System.Text;
using HfSecretScan.Detection;
using HfSecretScan.Findings;
using HfSecretScan.MSBuild.Selection;
using HfSecretScan.Pipeline;

namespace HfSecretScan.MSBuild.Caching;

/// <summary>
/// The per-file results of earlier builds, kept in a small text file in the intermediate output
/// folder: one line per file (path, length, last write time, finding count), then one line per
/// finding (rule, position, fingerprint, redacted token). Text, not JSON, so that a no-change
/// build loads it in well under a millisecond. A cache written by another engine build, or one
/// that does not parse (truncated, garbage, a count or size it cannot hold), is dropped and every
/// file is scanned again: nothing in it is trusted beyond what it could have written.
/// </summary>
internal sealed class ScanCache
{
    private const string Magic = "hfsecretscan-cache 1";
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
        string[] lines;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxCacheBytes)
            {
                return cache;
            }

            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return cache;
        }

        if (lines.Length == 0 || lines[0] != Magic + Separator + engineId)
        {
            return cache;
        }

        try
        {
            int i = 1;
            while (i < lines.Length)
            {
                string[] file = lines[i++].Split(Separator);
                var stamp = new FileStamp(NonNegative(long.Parse(file[1], CultureInfo.InvariantCulture)), long.Parse(file[2], CultureInfo.InvariantCulture));
                int count = int.Parse(file[3], CultureInfo.InvariantCulture);

                // Checked before the array is made: a forged count must not allocate gigabytes.
                if (count < 0 || count > lines.Length - i)
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
    /// <exception cref="InputException">It could not be written; the previous cache is as it was.</exception>
    public void Save(string path, string engineId)
    {
        var text = new StringBuilder();
        text.Append(Magic).Append(Separator).Append(engineId).Append('\n');
        foreach (var (file, entry) in _files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // A path that cannot be written on one line is simply scanned every time.
            if (file.AsSpan().IndexOfAny(Separator, '\n', '\r') >= 0 || entry.Findings.Any(f => f.InnerPath?.AsSpan().IndexOfAny(Separator, '\n', '\r') >= 0))
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{file}{Separator}{entry.Stamp.Length}{Separator}{entry.Stamp.LastWriteTicks}{Separator}{entry.Findings.Count}\n");
            foreach (var f in entry.Findings)
            {
                text.Append(CultureInfo.InvariantCulture, $"{f.Rule.Id}{Separator}{f.Line}{Separator}{f.Column}{Separator}{f.ByteOffset}{Separator}{f.Form}{Separator}{f.Fingerprint}{Separator}{f.Redacted}{Separator}{f.InnerPath}{Separator}{string.Join(',', f.Decoded)}\n");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text.ToString())));
    }

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
