using HfSecretScan.Tests;

namespace HfSecretScan.Git.Tests.Cli;

/// <summary>A committed file name and an author name carrying terminal escapes reach the history report quoted, never raw.</summary>
[TestClass]
public sealed class HostileHistoryTests
{
    [TestMethod]
    public void Committed_names_and_author_names_with_escapes_are_quoted()
    {
        using var repo = TestRepository.Create();
        repo.Write("evil\n\u001b[2K\rOK.py", "T=" + TestTokens.User(83) + "\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "leak", "--author", "Mallory\u001b[2K\rTrusted Bot <m@example.com>");
        string commit = repo.Head();

        var result = ToolProcess.Run(repo.Path, null, "history");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.DoesNotContain("\u001b", result.Output + result.Error, "no raw ESC");
        Assert.DoesNotContain("\r", result.Output + result.Error, "no raw carriage return");
        StringAssert.Contains(result.Output, $"{commit[..12]}:\"evil\\n\\033[2K\\rOK.py\":1:3: ");
        StringAssert.Contains(result.Output, "by \"Mallory\\033[2K\\rTrusted Bot <m@example.com>\"");
        StringAssert.Contains(result.Output, "still at HEAD: \"evil\\n\\033[2K\\rOK.py\":1");
    }
}
