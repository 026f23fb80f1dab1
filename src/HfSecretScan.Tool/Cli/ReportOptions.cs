using System.CommandLine;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories;
using HfSecretScan.Reporting;

namespace HfSecretScan.Tool.Cli;

/// <summary>The options every command that reports findings shares, and writing the report.</summary>
internal sealed class ReportOptions
{
    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Report format: text, json, sarif or html (one self-contained page, best written with -o).",
        DefaultValueFactory = _ => "text",
    };

    public Option<FileInfo?> Output { get; } = new("--output", "-o")
    {
        HelpName = "FILE",
        Description = "Write the report to this file instead of standard output.",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        HelpName = "FILE",
        Description = "Report only findings not in this baseline file (see `hf-scan baseline`).",
    };

    public ReportOptions() => Format.AcceptOnlyFromAmong([.. Reporters.Names]);

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
        command.Options.Add(Baseline);
    }

    /// <summary>Writes <paramref name="report"/> where the options say and returns the exit code.</summary>
    public int Write(ParseResult parse, ScanReport report, string? projectRoot, CliConsole console)
    {
        string format = parse.GetValue(Format)!;
        var reporter = Reporters.ForFormat(format);
        var output = parse.GetValue(Output);

        // Only the HTML report links to the host; the others need not open the repository again.
        string? remote = format == HtmlReporter.FormatName && projectRoot is not null ? RepositoryRemote.UrlOf(projectRoot) : null;
        if (output is null)
        {
            reporter.Write(report, new ReportContext(projectRoot, ToolVersion.Current, console.UseColor, remote), console.Out);
        }
        else
        {
            AtomicFile.Write(output.FullName, stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
                reporter.Write(report, new ReportContext(projectRoot, ToolVersion.Current, false, remote), writer);
            });
            console.Error.WriteLine(TextReporter.Summary(report));
        }

        return ExitCodes.For(report);
    }
}
