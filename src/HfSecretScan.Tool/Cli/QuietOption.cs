using System.CommandLine;

namespace HfSecretScan.Tool.Cli;

/// <summary><c>--quiet</c>: no progress on standard error (there is none anyway when it is not a terminal).</summary>
internal sealed class QuietOption : Option<bool>
{
    public QuietOption()
        : base("--quiet", "-q")
    {
        Description = "Do not show progress on standard error.";
    }

    public bool ShowsProgress(ParseResult parse, CliConsole console) => console.ErrorIsTerminal && !parse.GetValue(this);
}
