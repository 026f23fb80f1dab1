using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Hooks;

/// <summary>
/// Drives the real pre-commit framework: it clones a copy of this repository as a hook repository,
/// packs it and installs the tool (<c>language: dotnet</c>), then blocks a commit with a token.
/// </summary>
[TestClass]
[TestCategory("EndToEnd")]
public sealed class PreCommitFrameworkTests
{
    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public void The_hf_scan_staged_hook_blocks_a_commit_through_pre_commit()
    {
        if (ProcessRun.Run(".", "sh", ["-c", "command -v pre-commit"]).ExitCode != 0)
        {
            Assert.Inconclusive("pre-commit is not on PATH (Debian package pre-commit).");
        }

        using var hookRepository = TestRepository.Create();
        SourceTree.CopyWorkingFiles(hookRepository.Path);
        hookRepository.Git("add", "-A");
        hookRepository.Git("commit", "-q", "-m", "hook repository snapshot");

        using var project = TestRepository.Create();
        project.Commit(".pre-commit-config.yaml", $"""
            repos:
              - repo: {hookRepository.Path}
                rev: {hookRepository.Head()}
                hooks:
                  - id: hf-scan-staged

            """, "use hf-scan through pre-commit");
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = ToolProcess.IsolatedPath,
            ["PRE_COMMIT_HOME"] = Path.Combine(project.Path, "..", "pre-commit-cache"),
        };
        var install = ProcessRun.Run(project.Path, "pre-commit", ["install"], environment: environment);
        Assert.AreEqual(0, install.ExitCode, install.ToString());

        project.Write("app.env", "HF_TOKEN=" + TestTokens.User(61) + "\n");
        project.Git("add", "app.env");
        var blocked = ProcessRun.Run(project.Path, "git", ["commit", "-m", "leak"], environment: environment, timeoutSeconds: 200);

        Assert.AreNotEqual(0, blocked.ExitCode, blocked.ToString());
        StringAssert.Contains(blocked.Output + blocked.Error, "app.env:1:10");
        Assert.IsFalse((blocked.Output + blocked.Error).Contains("could not find any build outputs", StringComparison.Ordinal), blocked.ToString());

        project.Write("app.env", "HF_TOKEN=\n");
        project.Git("add", "app.env");
        var allowed = ProcessRun.Run(project.Path, "git", ["commit", "-m", "no leak"], environment: environment);
        Assert.AreEqual(0, allowed.ExitCode, allowed.ToString());
    }
}
