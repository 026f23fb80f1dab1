using System.Globalization;
using System.Text;
using HfSecretScan.Detection;
using HfSecretScan.MSBuild.Selection;

namespace HfSecretScan.MSBuild.Caching;

/// <summary>
/// The per-file results of earlier builds, kept in a small text file in the intermediate output
/// folder: one line per file (path, length, last write time, finding count), then one line per
/// finding (rule, position, fingerprint, redacted token). Text, not JSON, so that a no-change
/// build loads it in well under a millisecond. A cache written by another engine build, or one
/// that does not parse, is dropped and every file is scanned again.
/// </summary>
internal sealed class ScanCache
{
    private const string Magic = "hfsecretscan-cache 1";
    private const char Separator = '\t';

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
                var stamp = new FileStamp(long.Parse(file[1], CultureInfo.InvariantCulture), long.Parse(file[2], CultureInfo.InvariantCulture));
                int count = int.Parse(file[3], CultureInfo.InvariantCulture);
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

    /// <summary>Writes the cache to <paramref name="path"/> through a temporary file, so a reader never sees half of it.</summary>
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
        string temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static CachedFinding ParseFinding(string[] f) => new(
        TokenRules.FindById(f[0]) ?? throw new FormatException("Unknown rule " + f[0]),
        int.Parse(f[1], CultureInfo.InvariantCulture),
        int.Parse(f[2], CultureInfo.InvariantCulture),
        long.Parse(f[3], CultureInfo.InvariantCulture),
        Enum.Parse<ByteForm>(f[4]),
        f[5],
        f[6],
        f[7].Length == 0 ? null : f[7],
        f[8].Length == 0 ? [] : f[8].Split(','));
}
