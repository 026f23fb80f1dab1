using System.Diagnostics;
using System.Text;
using HfSecretScan.Git.Storage.Ignore;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Ignore;

/// <summary>
/// Star-heavy patterns that make git's own wildmatch take exponential time: the managed one stays
/// fast (its recursive results are remembered) and still answers exactly as git does.
/// </summary>
[TestClass]
public sealed class WildmatchBlowupTests
{
    // Each "**/" first tries the rest of the pattern at zero folders and, when that fails, again at
    // every folder: without memory that doubles per "**/", and twenty of them take git minutes.
    private static readonly string Hostile = string.Concat(Enumerable.Repeat("**/", 20)) + "a*b*c*d*e*f*g*h*i*j*";

    [TestMethod]
    [Timeout(5000, CooperativeCancellation = true)]
    public void A_star_heavy_pattern_over_a_deep_path_is_answered_in_milliseconds()
    {
        string deep = string.Join('/', Enumerable.Repeat("abcdefghi", 40)) + "/abcdefghi.txt";
        var stopwatch = Stopwatch.StartNew();

        bool matched = Wildmatch.IsMatch(Encoding.UTF8.GetBytes(Hostile), Encoding.UTF8.GetBytes(deep), WildmatchOptions.PathName);

        Assert.IsFalse(matched);
        Assert.IsLessThan(1000, stopwatch.ElapsedMilliseconds, $"polynomial, not exponential: {stopwatch.ElapsedMilliseconds} ms");
    }

    [TestMethod]
    public void A_gitignore_of_star_heavy_lines_over_a_deep_tree_scans_in_seconds()
    {
        using var repo = TestRepository.Create();
        repo.Write(".gitignore", string.Join('\n', Hostile, "**/**/**/x*y*z*w*v*u*t*s*r*q*", "*a*a*a*a*a*a*a*a*a*b", "**/**/**/**/**/**/**/**/c") + "\n");
        string folder = string.Join('/', Enumerable.Repeat("abcdefghiaaaa", 20));
        for (int i = 0; i < 20; i++)
        {
            repo.Write($"{folder}/abcdefghi{i}.txt", "nothing\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var result = ToolProcess.Run(repo.Path, null, "scan", ".");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "0 tokens found in 21 items");
        Assert.IsLessThan(10_000, stopwatch.ElapsedMilliseconds, "seconds, not minutes");
    }

    [TestMethod]
    public void Star_heavy_patterns_agree_with_git_check_ignore()
    {
        using var fixture = IgnoreFixture.Create();
        fixture.WriteIgnore(".gitignore", "**/a*b*c*\n*a*a*a*b\n**/**/x/**/*y*y*\na/**/**/b*c\n[ab]*[ab]*[ab]*c\n**/q?*?*?*\n");
        var paths = new List<string>
        {
            "aaaa/aaab", "aaaa/aaac", "a/b/c/abc", "a/aa/aaa/aaaab", "x/y/x/yy", "x/x/x/zyzy", "a/b/b/bc", "a/bc", "a/b/bd",
            "ab/ab/abc", "bababab", "babababc", "q/qxyz", "qq/qx", "deep/x/deep/yxy", "a/x/b/c/cbbbc",
        };
        fixture.CreatePaths(paths);

        var ours = fixture.Ours(paths);
        var git = fixture.Git(paths);

        foreach (string path in paths)
        {
            Assert.AreEqual(git[path].Ignored, ours[path], $"{path}: git says {git[path]}");
        }
    }
}
