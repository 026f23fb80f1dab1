using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

[TestClass]
public sealed class ExitCodeTests
{
    [TestMethod]
    public async Task CleanFolderExitsZero()
    {
        using var folder = new TempFolder();
        folder.Write("a.py", "print('hello')\n");
        var result = await CliRun.RunAsync("scan", folder.Path);
        Assert.AreEqual(0, result.ExitCode, result.All);
        StringAssert.Contains(result.Out, "0 tokens found in 1 item");
    }

    [TestMethod]
    public async Task FindingsExitOne()
    {
        using var folder = new TempFolder();
        folder.Write("a.py", $"login(token=\"{TestTokens.User(1)}\")\n");
        var result = await CliRun.RunAsync("scan", folder.Path);
        Assert.AreEqual(1, result.ExitCode, result.All);
    }

    [TestMethod]
    public async Task MissingPathExitsTwoAndNamesIt()
    {
        using var folder = new TempFolder();
        folder.Write("a.py", "clean\n");
        string missing = Path.Combine(folder.Path, "no-such-file.txt");
        var result = await CliRun.RunAsync("scan", folder.Path, missing);
        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.All, "no-such-file.txt");
    }

    [TestMethod]
    public async Task FindingsWinOverProblems()
    {
        using var folder = new TempFolder();
        folder.Write("a.py", $"{TestTokens.User(2)}\n");
        var result = await CliRun.RunAsync("scan", folder.Path, Path.Combine(folder.Path, "missing"));
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.Contains(result.All, "missing");
    }

    [TestMethod]
    [DataRow("scan", "--format", "xml")]
    [DataRow("scan", "--no-such-option")]
    [DataRow("frobnicate")]
    [DataRow("baseline")]
    public async Task UsageErrorsExitTwo(params string[] args)
    {
        var result = await CliRun.RunAsync(args);
        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.All, "error");
    }

    [TestMethod]
    public async Task MistypedOptionIsAUsageErrorNotAMissingPath()
    {
        var result = await CliRun.RunAsync("scan", "--no-ignroe");
        Assert.AreEqual(2, result.ExitCode, result.All);
        StringAssert.Contains(result.Error, "Unknown option '--no-ignroe'");
        Assert.DoesNotContain("No such file", result.All);
    }

    [TestMethod]
    public async Task FileNamedAfterATokenIsNeverPrintedWhole()
    {
        using var folder = new TempFolder();
        string token = TestTokens.User(23);
        folder.Write(token + ".txt", $"{TestTokens.User(24)}\n");
        foreach (string format in new[] { "text", "json", "sarif" })
        {
            var result = await CliRun.RunAsync("scan", folder.Path, "-f", format);
            Assert.AreEqual(1, result.ExitCode, result.All);
            CliRun.AssertNoWholeToken(result.All, format);
            StringAssert.Contains(result.Out, token[..7]);
        }
    }
}
