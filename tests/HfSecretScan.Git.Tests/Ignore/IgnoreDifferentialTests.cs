using System.Text;

namespace HfSecretScan.Git.Tests.Ignore;

/// <summary>
/// Random repositories (deterministic per seed): nested folders, nested <c>.gitignore</c> files,
/// info/exclude and an excludes file with a broad mix of pattern shapes. Every path's answer from
/// the managed rules must equal <c>git check-ignore</c>'s.
/// </summary>
[TestClass]
public sealed class IgnoreDifferentialTests
{
    private static readonly string[] FolderNames = ["src", "build", "Build", "Debug", "debug", "bin", "obj", "logs", "node_modules", "a", "b", "x.y", "Test Results", "deep", "[x]", "#hash", "!bang", "café"];
    private static readonly string[] Stems = ["app", "main", "debug", "readme", "Foo", "foo", "test1", "test2", "a", "b", "keep", "x", "#hash", "!bang", "naïve"];
    private static readonly string[] Extensions = ["", ".log", ".LOG", ".txt", ".cs", ".tmp", ".bak", ".tar.gz", ".user", "~", ".min.js", "."];

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 24).Select(seed => new object[] { seed });

    [TestMethod]
    [DynamicData(nameof(Seeds))]
    public void Managed_rules_agree_with_git_check_ignore(int seed)
    {
        var random = new Random(seed);
        bool ignoreCase = seed % 4 == 0;
        using var fixture = IgnoreFixture.Create(ignoreCase);
        var folders = new List<string> { string.Empty };
        var paths = new List<string>();
        Grow(random, string.Empty, depth: 0, folders, paths);

        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [".gitignore"] = IgnoreFile(random, folders, 12),
            [".git/info/exclude"] = IgnoreFile(random, folders, 6),
            [IgnoreFixture.ExcludesFile] = IgnoreFile(random, folders, 6),
        };
        foreach (string folder in folders.Where(f => f.Length > 0 && random.Next(3) == 0))
        {
            files[folder + "/.gitignore"] = IgnoreFile(random, folders, 6);
        }

        foreach (var (file, text) in files)
        {
            fixture.WriteIgnore(file, text);
        }

        fixture.CreatePaths(paths);
        var ours = fixture.Ours(paths);
        var git = fixture.Git(paths);

        var differing = paths.Where(p => ours[p] != git[p].Ignored).ToList();
        if (differing.Count > 0)
        {
            var message = new StringBuilder($"seed {seed} (core.ignoreCase={ignoreCase}): {differing.Count} of {paths.Count} paths differ from git\n");
            foreach (string path in differing.Take(25))
            {
                message.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"'{path}': managed {(ours[path] ? "ignored" : "kept")} ({fixture.OurPattern(path, ignoreCase)}), git {(git[path].Ignored ? "ignored" : "kept")} ({git[path]})\n");
            }

            foreach (var (file, text) in files)
            {
                message.Append(System.Globalization.CultureInfo.InvariantCulture, $"--- {file}\n{text}\n");
            }

            Assert.Fail(message.ToString());
        }

        Assert.IsGreaterThanOrEqualTo(300, paths.Count, "the generated tree is big enough to mean something");
    }

    /// <summary>Adds files and sub-folders to <paramref name="folder"/>, recursively, until the tree holds at least 300 paths.</summary>
    private static void Grow(Random random, string folder, int depth, List<string> folders, List<string> paths)
    {
        var all = new HashSet<string>(paths, StringComparer.Ordinal);
        var pending = new Queue<(string Folder, int Depth)>([(folder, depth)]);
        while (paths.Count < 300)
        {
            var (current, level) = pending.Count > 0 ? pending.Dequeue() : (Pick(random, folders), 1);
            string prefix = current.Length == 0 ? string.Empty : current + "/";
            for (int i = random.Next(3, 8); i > 0; i--)
            {
                string file = prefix + Pick(random, Stems) + Pick(random, Extensions);
                if (!all.Contains(file + "/") && all.Add(file))
                {
                    paths.Add(file);
                }
            }

            for (int i = level < 4 ? random.Next(1, 4) : 0; i > 0; i--)
            {
                string sub = prefix + Pick(random, FolderNames);
                if (!all.Contains(sub) && all.Add(sub + "/"))
                {
                    folders.Add(sub);
                    paths.Add(sub + "/");
                    pending.Enqueue((sub, level + 1));
                }
            }
        }
    }

    private static string IgnoreFile(Random random, List<string> folders, int maxLines)
    {
        string lineEnd = random.Next(4) == 0 ? "\r\n" : "\n";
        var text = new StringBuilder();
        for (int i = random.Next(1, maxLines + 1); i > 0; i--)
        {
            text.Append(Pattern(random, folders)).Append(lineEnd);
        }

        return text.ToString();
    }

    private static string Pattern(Random random, List<string> folders)
    {
        string name = random.Next(2) == 0 ? Pick(random, FolderNames) : Pick(random, Stems) + Pick(random, Extensions);
        string folder = Pick(random, folders);
        string ext = Pick(random, Extensions.Where(e => e.Length > 1).ToArray());
        string body = random.Next(26) switch
        {
            0 or 1 => Escape(name),
            2 or 3 => "*" + ext,
            4 => "*" + ext.ToUpperInvariant(),
            5 => "/" + Escape(name),
            6 => Escape(name) + "/",
            7 => (folder.Length == 0 ? "src" : Escape(folder)) + "/" + Escape(name),
            8 => "**/" + Escape(name),
            9 => Escape(Pick(random, FolderNames)) + "/**",
            10 => Escape(Pick(random, FolderNames)) + "/**/" + Escape(name),
            11 => "[Dd]ebug" + (random.Next(2) == 0 ? "/" : string.Empty),
            12 => "[!a-c]*",
            13 => "[^x]?" + ext,
            14 => "test[0-9]*",
            15 => "[[:digit:]]*",
            16 => "?oo*",
            17 => "*" + Pick(random, ["oo", "ug", "es", ".t"]) + "*",
            18 => Escape(Pick(random, FolderNames)) + "/*/" + Escape(name),
            19 => "*/" + Escape(name),
            20 => Escape(Pick(random, FolderNames)) + "**/" + Escape(name),
            21 => Escape(name) + "   ",
            22 => "# " + name,
            23 => string.Empty,
            24 => random.Next(8) == 0 ? "**" : "*",
            _ => Escape(name).ToUpperInvariant(),
        };
        return random.Next(4) == 0 && body.Length > 0 && body[0] != '#' ? "!" + body : body;
    }

    /// <summary>A literal name as a pattern: wildcard characters and a leading # or ! escaped.</summary>
    private static string Escape(string name)
    {
        var escaped = new StringBuilder();
        foreach (char c in name)
        {
            if (c is '*' or '?' or '[' or '\\' || (escaped.Length == 0 && c is '#' or '!'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
