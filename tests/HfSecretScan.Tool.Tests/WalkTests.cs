using System.Text.Json;
using HfSecretScan.Tests;
using LibGit2Sharp;

namespace HfSecretScan.Tool.Tests;

[TestClass]
public sealed class WalkTests
{
    private static readonly string Token = TestTokens.User(31);

    private static async Task<(int ExitCode, string[] Paths, string[] Skipped)> ScanAsync(params string[] args)
    {
        var result = await CliRun.RunAsync(["scan", .. args, "--format", "json"]);
        using var report = JsonDocument.Parse(result.Out);
        return (
            result.ExitCode,
            [.. report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)],
            [.. report.RootElement.GetProperty("skipped").EnumerateArray().Select(f => f.GetProperty("path").GetString()!)]);
    }

    /// <summary>A repository with ignored, excluded, tracked-but-ignored and nested files, each holding a token.</summary>
    private static TempFolder NewRepository()
    {
        var folder = new TempFolder();
        Repository.Init(folder.Path);
        folder.Write(".gitignore", "*.log\nbuild/\n/secrets.env\n");
        folder.Write(".git/info/exclude", "local-notes.md\n");
        foreach (string name in new[] { "app.py", "debug.log", "build/out.txt", "secrets.env", "sub/secrets.env", "local-notes.md", "tracked.log", "build/kept.txt", ".hidden/.env", ".envrc" })
        {
            folder.Write(name, $"TOKEN={Token}\n");
        }

        using (var repo = new Repository(folder.Path))
        {
            // Tracked files are scanned even when an ignore rule matches them, as git treats them.
            repo.Index.Add("app.py");
            repo.Index.Add("tracked.log");
            repo.Index.Add("build/kept.txt");
            repo.Index.Write();
        }

        return folder;
    }

    [TestMethod]
    public async Task HonoursGitIgnoreAndInfoExcludeButScansTrackedAndHiddenFiles()
    {
        using var folder = NewRepository();
        var (code, paths, _) = await ScanAsync(folder.Path);
        Assert.AreEqual(1, code);
        CollectionAssert.AreEqual(new[] { ".envrc", ".hidden/.env", "app.py", "build/kept.txt", "sub/secrets.env", "tracked.log" }, paths);
    }

    [TestMethod]
    public async Task NoIgnoreScansEverythingButDotGit()
    {
        using var folder = NewRepository();
        var (_, paths, _) = await ScanAsync(folder.Path, "--no-ignore");
        CollectionAssert.AreEqual(
            new[] { ".envrc", ".hidden/.env", "app.py", "build/kept.txt", "build/out.txt", "debug.log", "local-notes.md", "secrets.env", "sub/secrets.env", "tracked.log" },
            paths);
    }

    [TestMethod]
    public async Task OverlappingPathsScanEachFileOnce()
    {
        using var folder = NewRepository();
        string sub = Path.Combine(folder.Path, "sub");
        var (_, paths, _) = await ScanAsync(folder.Path, sub, Path.Combine(sub, "secrets.env"), folder.Path, "--no-ignore");
        CollectionAssert.AreEqual(
            new[] { ".envrc", ".hidden/.env", "app.py", "build/kept.txt", "build/out.txt", "debug.log", "local-notes.md", "secrets.env", "sub/secrets.env", "tracked.log" },
            paths);
    }

    [TestMethod]
    public async Task HonoursTheExcludesFileFromGitConfig()
    {
        using var folder = NewRepository();
        string excludes = folder.Write("../" + Path.GetFileName(folder.Path) + "-excludes", "app.py\n.envrc\n");
        try
        {
            using (var repo = new Repository(folder.Path))
            {
                repo.Config.Set("core.excludesFile", excludes, ConfigurationLevel.Local);
            }

            var (_, paths, _) = await ScanAsync(folder.Path);
            // app.py is tracked, so it stays; .envrc is untracked and now ignored.
            CollectionAssert.AreEqual(new[] { ".hidden/.env", "app.py", "build/kept.txt", "sub/secrets.env", "tracked.log" }, paths);
        }
        finally
        {
            File.Delete(excludes);
        }
    }

    [TestMethod]
    public async Task NeverEntersDotGit()
    {
        using var folder = NewRepository();
        folder.Write(".git/config.bak", $"[remote \"origin\"]\n\turl = https://user:{Token}@huggingface.co/org/repo\n");
        folder.Write("sub/.git", "gitdir: ../.git/modules/sub\n");
        folder.Write(".git/modules/sub/HEAD", $"{Token}\n");
        var (_, paths, _) = await ScanAsync(folder.Path, "--no-ignore");
        Assert.IsFalse(paths.Any(p => p.StartsWith(".git/", StringComparison.Ordinal) || p == "sub/.git"), string.Join(", ", paths));
    }

    [TestMethod]
    public async Task ScansHiddenFilesOutsideARepository()
    {
        using var folder = new TempFolder();
        folder.Write(".env", $"HF_TOKEN={Token}\n");
        folder.Write(".config/.secret/token", $"{Token}\n");
        var (_, paths, _) = await ScanAsync(folder.Path);
        CollectionAssert.AreEqual(new[] { ".config/.secret/token", ".env" }, paths);
    }

    [TestMethod]
    public async Task DoesNotFollowSymbolicLinks()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        outside.Write("token.txt", $"{Token}\n");
        outside.Write("dir/token.txt", $"{Token}\n");
        folder.Write("real.txt", "clean\n");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "link.txt"), Path.Combine(outside.Path, "token.txt"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linkdir"), Path.Combine(outside.Path, "dir"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop"), folder.Path);

        var (code, paths, skipped) = await ScanAsync(folder.Path);
        Assert.AreEqual(0, code);
        Assert.IsEmpty(paths);
        CollectionAssert.AreEqual(new[] { "link.txt", "linkdir", "loop" }, skipped);
    }
}
