using System.CommandLine;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories;
using HfSecretScan.Pipeline;
using HfSecretScan.Reporting;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>history --purge-plan FILE</c>: writes filter-repo's expressions file for the tokens found and prints the steps around the rewrite.</summary>
internal sealed class PurgePlanOption
{
    public Option<FileInfo?> File { get; } = new("--purge-plan")
    {
        HelpName = "FILE",
        Description = "Write a `git filter-repo --replace-text FILE` expressions file that removes every token found (no token written whole), and print the steps around it.",
    };

    /// <summary>Writes the plan for <paramref name="report"/> when the option is given: the files atomically, the steps to standard error.</summary>
    public void Write(ParseResult parse, ScanReport report, string root, CliConsole console)
    {
        if (parse.GetValue(File) is not { } file)
        {
            return;
        }

        var plan = PurgePlan.For(report);
        string expressions = file.FullName;
        string blobs = expressions + ".blob-ids";
        AtomicFile.Write(expressions, stream => stream.Write(plan.ExpressionsFile()));
        if (plan.BinaryBlobs.Count > 0)
        {
            AtomicFile.Write(blobs, stream => stream.Write(plan.BinaryBlobsFile()));
        }

        var error = console.Error;
        error.WriteLine();
        if (plan.Groups.Count == 0)
        {
            error.WriteLine($"Purge plan: no token found, so {expressions} holds no expression.");
            return;
        }

        error.WriteLine($"Purge plan: {expressions} holds {plan.Expressions.Count} expression(s) for git filter-repo, one per token (by rule and redacted prefix, never the token).");
        if (report.SuppressedByBaseline > 0)
        {
            error.WriteLine($"  {report.SuppressedByBaseline} finding(s) accepted by the baseline are not in it.");
        }

        foreach (string step in plan.Steps(expressions, blobs, RemoteUrl.WithoutCredentials(RepositoryRemote.UrlOf(root))))
        {
            error.WriteLine(step);
        }
    }
}
