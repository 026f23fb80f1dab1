using HfSecretScan.Git.Repositories.Hooks;
using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Hooks;

[TestClass]
public sealed class HookTests
{
    private static ProcessResult GitWithHooks(TestRepository repo, params string[] arguments) =>
        ProcessRun.Run(repo.Path, "git", arguments, environment: new Dictionary<string, string> { ["PATH"] = ToolProcess.IsolatedPath });

    [TestMethod]
    public void The_pre_commit_hook_blocks_a_token_then_allows_the_fixed_commit()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        var install = ToolProcess.Run(repo.Path, null, "hook", "install");
        Assert.AreEqual(0, install.ExitCode, install.ToString());

        repo.Write("app.env", "HF_TOKEN=" + TestTokens.User(51) + "\n");
        repo.Git("add", "app.env");
        var blocked = GitWithHooks(repo, "commit", "-m", "leak");

        Assert.AreNotEqual(0, blocked.ExitCode, blocked.ToString());
        StringAssert.Contains(blocked.Output + blocked.Error, "app.env:1:10");
        Assert.AreEqual("first", repo.Git("log", "-1", "--format=%s"));

        repo.Write("app.env", "HF_TOKEN=${HF_TOKEN}\n");
        repo.Git("add", "app.env");
        var allowed = GitWithHooks(repo, "commit", "-m", "no leak");

        Assert.AreEqual(0, allowed.ExitCode, allowed.ToString());
        Assert.AreEqual("no leak", repo.Git("log", "-1", "--format=%s"));
    }

    [TestMethod]
    public void An_existing_hook_keeps_running_and_uninstall_puts_it_back()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n", "first");
        string hook = Path.Combine(repo.Path, ".git", "hooks", "pre-commit");
        string marker = Path.Combine(repo.Path, "..", "existing-hook-ran");
        string existing = $"#!/bin/sh\necho ran >> '{marker}'\n";
        File.WriteAllText(hook, existing);
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);

        var install = ToolProcess.Run(repo.Path, null, "hook", "install", "--pre-commit");
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        StringAssert.Contains(install.Output, "Kept the existing pre-commit hook");

        repo.Write("b.txt", "fine\n");
        repo.Git("add", "b.txt");
        var commit = GitWithHooks(repo, "commit", "-m", "second");
        Assert.AreEqual(0, commit.ExitCode, commit.ToString());
        Assert.IsTrue(File.Exists(marker), "the existing hook ran");

        repo.Write("c.txt", TestTokens.User(52) + "\n");
        repo.Git("add", "c.txt");
        Assert.AreNotEqual(0, GitWithHooks(repo, "commit", "-m", "leak").ExitCode, "hf-scan still runs after the existing hook");

        var uninstall = ToolProcess.Run(repo.Path, null, "hook", "uninstall");
        Assert.AreEqual(0, uninstall.ExitCode, uninstall.ToString());
        Assert.AreEqual(existing, File.ReadAllText(hook));
        Assert.IsFalse(File.Exists(hook + ".hf-scan-previous"));
        Assert.AreEqual(0, ToolProcess.Run(repo.Path, null, "hook", "uninstall").ExitCode);
        Assert.AreEqual(existing, File.ReadAllText(hook), "a second uninstall touches nothing that is not hf-scan's");
    }

    [TestMethod]
    public void A_hook_is_replaced_by_rename_never_rewritten_in_place_and_is_executable()
    {
        using var repo = TestRepository.Create();
        string hook = Path.Combine(repo.Path, ".git", "hooks", "pre-commit");
        HookInstaller.Install(repo.Path, [HookKind.PreCommit], ["old-hf-scan"]);
        string before = Inode(hook);
        using var reader = File.OpenRead(hook);

        HookInstaller.Install(repo.Path, [HookKind.PreCommit], ["new-hf-scan"]);

        Assert.AreNotEqual(before, Inode(hook), "a new file renamed over the old one: git never runs half a hook");
        StringAssert.Contains(new StreamReader(reader).ReadToEnd(), "old-hf-scan", "a reader of the old hook still reads it whole");
        Assert.IsTrue(HookInstaller.IsInstalled(repo.Path, HookKind.PreCommit, ["new-hf-scan"]));
        Assert.IsTrue(File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
        CollectionAssert.AreEquivalent(new[] { "pre-commit" }, Directory.GetFiles(Path.GetDirectoryName(hook)!).Select(Path.GetFileName).Where(n => !n!.EndsWith(".sample", StringComparison.Ordinal)).ToArray(), "no temporary file left");
    }

    private static string Inode(string path) => ProcessRun.Run(Path.GetDirectoryName(path)!, "stat", ["-c", "%i", path]).Output.Trim();

    [TestMethod]
    public void Install_honours_core_hooks_path()
    {
        using var repo = TestRepository.Create();
        repo.Git("config", "core.hooksPath", ".githooks");

        var install = ToolProcess.Run(repo.Path, null, "hook", "install", "--pre-commit", "--pre-push");

        Assert.AreEqual(0, install.ExitCode, install.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(repo.Path, ".githooks", "pre-commit")));
        Assert.IsTrue(File.Exists(Path.Combine(repo.Path, ".githooks", "pre-push")));
        Assert.IsFalse(File.Exists(Path.Combine(repo.Path, ".git", "hooks", "pre-commit")));
    }

    [TestMethod]
    public void The_pre_push_hook_blocks_commits_that_introduce_a_token()
    {
        using var remote = TestRepository.Create(bare: true);
        using var repo = TestRepository.Create();
        repo.Git("remote", "add", "origin", remote.Path);
        repo.Commit("README.md", "hello\n", "first");
        repo.Git("push", "-q", "origin", "main");
        Assert.AreEqual(0, ToolProcess.Run(repo.Path, null, "hook", "install", "--pre-push").ExitCode);

        repo.Commit("leak.txt", TestTokens.User(53) + "\n", "leak");
        repo.Commit("leak.txt", "gone\n", "removed again");
        var blocked = GitWithHooks(repo, "push", "origin", "main");
        Assert.AreNotEqual(0, blocked.ExitCode, blocked.ToString());
        StringAssert.Contains(blocked.Output + blocked.Error, "leak.txt:1:1");

        repo.Git("reset", "-q", "--hard", "HEAD~2");
        repo.Commit("ok.txt", "fine\n", "fine");
        var pushed = GitWithHooks(repo, "push", "origin", "HEAD:refs/heads/feature");
        Assert.AreEqual(0, pushed.ExitCode, pushed.ToString());
    }
}
