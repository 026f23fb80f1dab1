using System.CommandLine;
using HfSecretScan.Findings;
using HfSecretScan.Git.Repositories;
using HfSecretScan.Pipeline;
using HfSecretScan.Reporting;

namespace HfSecretScan.Tool.Cli;

/// <summary>The options every command that reports findings shares, and writing the report.</summary>
internal sealed class ReportOptions
{
    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Report format: " + string.Join(", ", Reporters.Names) + ".",
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

    /// <summary>Decoding and container depths: every reporting command scans through the same layers.</summary>
    public LayerDepthOptions Layers { get; } = new();

    public ReportOptions() => Format.AcceptOnlyFromAmong([.. Reporters.Names]);

    public void AddTo(Command command)
    {
        Layers.AddTo(command);
        command.Options.Add(Format);
        command.Options.Add(Output);
        command.Options.Add(Baseline);
    }

    /// <summary>Writes <paramref name="report"/> where the options say and returns the exit code.</summary>
    public int Write(ParseResult parse, ScanReport report, ReportContext context, CliConsole console)
    {
        string format = parse.GetValue(Format)!;
        var reporter = Reporters.ForFormat(format);
        var output = parse.GetValue(Output);

        // Only the HTML report links to the host; the others need not open the repository again.
        if (format == HtmlReporter.FormatName && context.ProjectRoot is not null)
        {
            context = context with { Remote = RepositoryRemote.UrlOf(context.ProjectRoot) };
        }

        if (output is null)
        {
            reporter.Write(report, context with { UseColor = console.UseColor }, console.Out);
        }
        else
        {
            AtomicFile.Write(output.FullName, stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
                reporter.Write(report, context, writer);
            });
            console.Error.WriteLine(TextReporter.Summary(report));
        }

        return ExitCodes.For(report);
    }
}
