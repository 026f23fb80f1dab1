using System.Text;

namespace HfSecretScan.Git.Tests.Ignore;

/// <summary>
/// Tricky gitignore cases, each in a real repository. Every expectation is checked against the
/// managed rules and against <c>git check-ignore</c>, so a wrong row in the table fails too.
/// </summary>
[TestClass]
public sealed class IgnoreCaseTableTests
{
    public sealed record Case(string Name, (string File, string Text)[] Files, string[] Ignored, string[] Kept, bool IgnoreCase = false)
    {
        public override string ToString() => Name;
    }

    private static (string, string)[] Root(string text) => [(".gitignore", text)];

    public static IEnumerable<object[]> Cases() => new Case[]
    {
        new("basename pattern at any depth", Root("*.log\n"), ["debug.log", "logs/deep/debug.log"], ["debug.log.txt", "log"]),
        new("leading slash anchors to the file's folder", Root("/root.txt\n"), ["root.txt"], ["sub/root.txt"]),
        new("trailing slash matches folders only", Root("build/\n"), ["build/", "src/build/", "build/x.txt"], ["lib/build", "builds/"]),
        new("slash in the middle anchors", Root("doc/frotz\n"), ["doc/frotz/", "doc/frotz/x"], ["a/doc/frotz"]),
        new("leading **/ matches at any depth", Root("**/foo\n**/bar/baz\n"), ["foo", "a/b/foo", "x/bar/baz", "bar/baz"], ["foox", "bar/bazz"]),
        new("trailing /** matches inside only", Root("abc/**\n"), ["abc/x/", "abc/x/y"], ["abc/", "x/abc/y"]),
        new("/**/ matches zero or more folders", Root("a/**/b\n"), ["a/b", "a/x/b", "a/x/y/b"], ["x/a/b", "a/bb"]),
        new("* and ? do not cross a slash in a path pattern", Root("a/*/b\nc/?\n"), ["a/x/b", "c/d"], ["a/q/y/b", "c/de"]),
        new("** glued to a literal prefix starts a new pattern (git quirk)", Root("foo**/bar\n"), ["foox/y/bar", "foo/bar"], ["foox/y/baz"]),
        new("last matching line wins, negation re-includes", Root("*.txt\n!keep.txt\n"), ["other.txt"], ["keep.txt"]),
        new("negation after a later exclusion loses", Root("!keep.txt\n*.txt\n"), ["keep.txt"], []),
        new("a path under an excluded folder cannot be re-included", Root("logs/\n!logs/keep.log\n!keep.log\n"), ["logs/keep.log", "logs/"], []),
        new("re-including a folder's content needs the folder itself not excluded", Root("logs/*\n!logs/keep.log\n"), ["logs/other.log"], ["logs/keep.log", "logs/"]),
        new("escaped hash and bang, comments", Root("# comment\n\\#hash\n\\!bang\n #notcomment\n"), ["#hash", "!bang", " #notcomment"], ["# comment", "comment"]),
        new("trailing spaces trimmed unless escaped", Root("trailing   \nspace\\ \n"), ["trailing", "space "], ["trailing ", "space"]),
        new("classes: case pairs, ranges, negation with ! and ^", Root("[Dd]ebug/\nfile[0-9].txt\n[!a]x\n[^b]y\n"), ["Debug/", "debug/", "file5.txt", "bx", "ay"], ["xebug/", "filex.txt", "ax", "by"]),
        new("named classes and escapes in classes", Root("[[:digit:]]x\n[[:upper:]]y\n[\\]]z\n"), ["5x", "Qy", "]z"], ["ax", "qy", "\\z"]),
        new("? matches one character, escaped wildcards are literal", Root("foo?\nstar\\*\n\\[x\\]\n"), ["food", "star*", "[x]"], ["fo", "starx", "x"]),
        new("deeper .gitignore overrides the root one", [(".gitignore", "*.tmp\n"), ("sub/.gitignore", "!*.tmp\n")], ["a.tmp", "other/a.tmp"], ["sub/a.tmp", "sub/deep/a.tmp"]),
        new("anchored pattern in a nested .gitignore is relative to its folder", [("sub/.gitignore", "/x\ny/z\n")], ["sub/x", "sub/y/z"], ["x", "sub/q/x", "y/z", "sub/q/y/z"]),
        new("CRLF line ends: the CR is dropped", Root("a.bin\r\nb.bin\r\n#c\r\n\r\nd.bin"), ["a.bin", "b.bin", "d.bin"], ["a.bin\r"]),
        new("UTF-8 byte order mark is skipped", Root("\uFEFF*.bom\n"), ["x.bom"], []),
        new("info/exclude ranks below .gitignore", [(".git/info/exclude", "*.local\nkeep.other\n"), (".gitignore", "!keep.local\n")], ["x.local", "keep.other"], ["keep.local"]),
        new("excludes file ranks below info/exclude", [(IgnoreFixture.ExcludesFile, "*.swp\n*.bak\n"), (".git/info/exclude", "!keep.swp\n")], ["x.swp", "d/x.bak"], ["keep.swp"]),
        new("core.ignoreCase folds ASCII letters", Root("*.LOG\nBuild/\n/Readme\n"), ["x.log", "X.Log", "build/", "README"], ["x.lo"], IgnoreCase: true),
        new("without core.ignoreCase case matters", Root("*.LOG\nBuild/\n"), ["x.LOG", "Build/"], ["x.log", "build/"]),
        new("** alone ignores everything; a folder then hides negations", Root("**\n!keep\n"), ["a", "d/keep", "d/"], ["keep"]),
        new("a trailing backslash matches nothing", Root("odd\\\n"), [], ["odd", "odd\\"]),
        new("non-ASCII names are matched as UTF-8 bytes", Root("caf?\nna[!x]ve\n"), ["cafx"], ["café", "naïve"]),
    }.Select(c => new object[] { c });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Managed_rules_and_git_agree_with_the_table(Case testCase)
    {
        using var fixture = IgnoreFixture.Create(testCase.IgnoreCase);
        foreach (var (file, text) in testCase.Files)
        {
            fixture.WriteIgnore(file, text);
        }

        string[] paths = [.. testCase.Ignored, .. testCase.Kept];
        fixture.CreatePaths(paths);
        var ours = fixture.Ours(paths);
        var git = fixture.Git(paths);

        var wrong = new StringBuilder();
        foreach (string path in paths)
        {
            bool expected = testCase.Ignored.Contains(path);
            if (ours[path] != expected || git[path].Ignored != expected)
            {
                wrong.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"'{path}': expected {(expected ? "ignored" : "kept")}, managed {(ours[path] ? "ignored" : "kept")} ({fixture.OurPattern(path, testCase.IgnoreCase)}), git {(git[path].Ignored ? "ignored" : "kept")} ({git[path]})");
            }
        }

        Assert.AreEqual(0, wrong.Length, wrong.ToString());
    }
}
