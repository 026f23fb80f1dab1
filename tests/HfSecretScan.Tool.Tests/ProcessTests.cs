using System.Text;
using HfSecretScan.Tests;

namespace HfSecretScan.Tool.Tests;

/// <summary>The built tool as a real process: standard input, the default path, exit codes.</summary>
[TestClass]
public sealed class ProcessTests
{
    private static readonly string Token = TestTokens.User(51);

    [TestMethod]
    public async Task ScansStandardInputWithDash()
    {
        using var folder = new TempFolder();
        byte[] input = Encoding.UTF8.GetBytes($"line one\nexport HF_TOKEN={Token}\n");
        var result = await ToolProcess.RunAsync(folder.Path, input, ["scan", "-"]);
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.StartsWith(result.Out, "<stdin>:2:17: hf-user-token: ");
        CliRun.AssertNoWholeToken(result.All, "process output");

        var clean = await ToolProcess.RunAsync(folder.Path, "nothing here\n"u8.ToArray(), ["scan", "-"]);
        Assert.AreEqual(0, clean.ExitCode, clean.All);
    }

    [TestMethod]
    public async Task ScansLargeStandardInputSpilledToDisk()
    {
        // More than the in-memory threshold: spooled to a temporary file, still located.
        var sb = new StringBuilder();
        while (sb.Length < 20 << 20)
        {
            sb.Append("0123456789abcdef ".AsSpan());
            if (sb.Length % 4096 < 17)
            {
                sb.Append('\n');
            }
        }

        string text = sb.Append(Token).Append('\n').ToString();
        int line = text.Count(c => c == '\n');
        var result = await CliRun.RunAsync(Encoding.UTF8.GetBytes(text), "scan", "-");
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.StartsWith(result.Out, $"<stdin>:{line}:1: hf-user-token: ");
    }

    [TestMethod]
    public async Task ScansTheCurrentFolderByDefault()
    {
        using var folder = new TempFolder();
        folder.Write("sub/a.py", $"T = '{Token}'\n");
        var result = await ToolProcess.RunAsync(folder.Path, null, ["scan"]);
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.StartsWith(result.Out, "sub/a.py:1:6: hf-user-token: ");
    }

    [TestMethod]
    public async Task ScansFilesAndStandardInputTogether()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "clean\n");
        var result = await ToolProcess.RunAsync(folder.Path, Encoding.UTF8.GetBytes(Token), ["scan", "a.txt", "-", "--format", "sarif"]);
        Assert.AreEqual(1, result.ExitCode, result.All);
        StringAssert.Contains(result.Out, "\"ruleId\": \"hf-user-token\"");
        CliRun.AssertNoWholeToken(result.All, "SARIF output");
    }
}
