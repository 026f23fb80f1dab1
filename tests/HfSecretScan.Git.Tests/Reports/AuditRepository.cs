using System.Security.Cryptography;
using System.Text;

namespace HfSecretScan.Git.Tests.Reports;

/// <summary>
/// A repository with four leaks an auditor tells apart: a user token still at HEAD (in two files),
/// one only on a feature branch in a file named like markup, an organization token only in an
/// amended-away (unreachable) commit, and one committed and removed again on main. Its remote URL
/// carries a token as password, as old clients wrote it.
/// </summary>
internal sealed class AuditRepository : IDisposable
{
    /// <summary>A file name that is markup: a report that is not escaped runs its handler.</summary>
    public const string MarkupFileName = "<img src=x onerror=window.__xss=1>.txt";

    public AuditRepository()
    {
        Repository = TestRepository.Create();
        Commit("config/.env", $"HF_TOKEN={AtHead}\n", "add settings", "2023-01-10T10:00:00Z");
        Commit("docs/old.md", $"use {Removed}\n", "notes", "2023-02-01T10:00:00Z");
        Commit("docs/old.md", "use the HF_TOKEN variable\n", "clean notes", "2023-03-01T10:00:00Z");
        Repository.Git("checkout", "-q", "-b", "feature");
        Commit(MarkupFileName, $"t={OnBranch}\n", "feature work", "2023-04-01T10:00:00Z");
        Repository.Git("checkout", "-q", "main");
        Commit("app/settings.json", $"{{\"token\": \"{AtHead}\"}}\n", "copy", "2023-05-01T10:00:00Z");
        Commit("tmp/org.txt", $"{Unreachable}\n", "oops", "2023-06-01T10:00:00Z");
        Repository.Git("rm", "-q", "tmp/org.txt");
        Repository.Git("commit", "-q", "--amend", "--allow-empty", "-m", "nothing");
        Repository.Git("reflog", "expire", "--expire=now", "--all");
        Repository.Git("remote", "add", "origin", $"https://someone:{AtHead}@github.com/acme/widgets.git");
    }

    public TestRepository Repository { get; }

    public string AtHead { get; } = TestTokens.NewUser();

    public string OnBranch { get; } = TestTokens.NewUser();

    public string Unreachable { get; } = TestTokens.NewOrg();

    public string Removed { get; } = TestTokens.NewUser();

    public IReadOnlyList<string> Tokens => [AtHead, OnBranch, Unreachable, Removed];

    public static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public void Dispose() => Repository.Dispose();

    private void Commit(string path, string text, string message, string date)
    {
        Repository.Write(path, text);
        Repository.Git("add", "--", path);
        Repository.Git("commit", "-q", "-m", message, "--date", date);
    }
}
