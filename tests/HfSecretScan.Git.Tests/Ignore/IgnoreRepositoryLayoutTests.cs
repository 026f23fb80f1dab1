using HfSecretScan.Git.Repositories.Ignore;

namespace HfSecretScan.Git.Tests.Ignore;

/// <summary>Where the rules come from in less plain layouts, and the index's say over them.</summary>
[TestClass]
public sealed class IgnoreRepositoryLayoutTests
{
    private static bool Ignored(string workingTree, string directory, string name, bool isDirectory = false)
    {
        using var rules = GitIgnoreRules.TryOpen(workingTree)!;
        return rules.IsIgnored(directory, name, isDirectory);
    }

    private static bool GitIgnores(string workingTree, string path) =>
        ProcessRun.Run(workingTree, "git", ["check-ignore", "-q", "--no-index", path]).ExitCode == 0;

    [TestMethod]
    public void A_linked_worktree_uses_the_info_exclude_of_its_main_repository()
    {
        using var repo = TestRepository.Create();
        repo.Commit("README.md", "hello\n");
        string worktree = Path.Combine(Path.GetDirectoryName(repo.Path)!, "linked");
        repo.Git("worktree", "add", "-q", worktree);
        repo.Write(".git/info/exclude", "*.secret\n");
        File.WriteAllText(Path.Combine(worktree, "a.secret"), "x\n");

        Assert.IsTrue(GitIgnores(worktree, "a.secret"), "git itself");
        Assert.IsTrue(Ignored(worktree, string.Empty, "a.secret"));
        Assert.IsFalse(Ignored(worktree, string.Empty, "README.md"));
    }

    [TestMethod]
    public void A_dot_git_file_pointing_elsewhere_is_followed_to_info_exclude()
    {
        using var repo = TestRepository.Create();
        string root = Path.GetDirectoryName(repo.Path)!;
        string separate = Path.Combine(root, "separate");
        Directory.CreateDirectory(separate);
        TestRepository.GitIn(separate, "init", "-q", "--separate-git-dir", Path.Combine(root, "separate.git"), "tree");
        string workingTree = Path.Combine(separate, "tree");
        File.WriteAllText(Path.Combine(root, "separate.git", "info", "exclude"), "*.local\n");
        File.WriteAllText(Path.Combine(workingTree, "x.local"), "x\n");

        Assert.IsTrue(File.Exists(Path.Combine(workingTree, ".git")), ".git is a file");
        Assert.IsTrue(GitIgnores(workingTree, "x.local"), "git itself");
        Assert.IsTrue(Ignored(workingTree, string.Empty, "x.local"));
    }

    [TestMethod]
    public void A_gitignore_that_is_a_symbolic_link_or_a_folder_adds_no_rule_and_does_not_break()
    {
        using var repo = TestRepository.Create();
        repo.Write("rules", "*.x\n");
        repo.Write("sub/y.x", "x\n");
        File.CreateSymbolicLink(Path.Combine(repo.Path, "sub", ".gitignore"), Path.Combine(repo.Path, "rules"));
        repo.Write("other/.gitignore/inside", "*.x\n");
        repo.Write("other/z.x", "x\n");

        Assert.IsFalse(GitIgnores(repo.Path, "sub/y.x"), "git does not follow a symbolic link named .gitignore");
        Assert.IsFalse(Ignored(repo.Path, "sub", "y.x"));
        Assert.IsFalse(Ignored(repo.Path, "other", "z.x"));
    }

    [TestMethod]
    public void Tracked_files_and_folders_holding_them_are_never_ignored()
    {
        using var repo = TestRepository.Create();
        repo.Commit("build/kept.txt", "x\n");
        repo.Commit("tracked.log", "x\n");
        repo.Write(".gitignore", "build/\n*.log\n");
        repo.Write("build/out.txt", "x\n");
        repo.Write("build/obj/a.txt", "x\n");
        repo.Write("new.log", "x\n");

        Assert.IsFalse(Ignored(repo.Path, string.Empty, "build", isDirectory: true), "holds a tracked file");
        Assert.IsFalse(Ignored(repo.Path, "build", "kept.txt"));
        Assert.IsTrue(Ignored(repo.Path, "build", "out.txt"), "untracked, under an excluded folder");
        Assert.IsTrue(Ignored(repo.Path, "build", "obj", isDirectory: true));
        Assert.IsFalse(Ignored(repo.Path, string.Empty, "tracked.log"));
        Assert.IsTrue(Ignored(repo.Path, string.Empty, "new.log"));
    }
}
