using System.CommandLine;
using HfSecretScan.Git.Repositories.Ignore;
using HfSecretScan.Pipeline;
using HfSecretScan.Sources;

namespace HfSecretScan.Tool.Cli;

/// <summary>Options that choose which files a working-tree walk reads.</summary>
internal sealed class WalkOptions
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Files and folders to scan (default: the current folder); - reads standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Include { get; } = new("--include")
    {
        HelpName = "GLOB",
        Description = "Scan only paths matching this glob (repeatable; relative to the project root).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        HelpName = "GLOB",
        Description = "Do not scan paths matching this glob (repeatable; relative to the project root).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoIgnore { get; } = new("--no-ignore")
    {
        Description = "Scan files that .gitignore, .git/info/exclude and the global excludes ignore.",
    };

    public WalkOptions()
    {
        // An argument list takes any token, so a mistyped option would become a missing path.
        Paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value != "-")
                {
                    result.AddError($"Unknown option '{HfSecretScan.Findings.Secret.RedactAll(token.Value)}' (to scan a file whose name starts with '-', write ./{HfSecretScan.Findings.Secret.RedactAll(token.Value)}).");
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Include);
        command.Options.Add(Exclude);
        command.Options.Add(NoIgnore);
    }

    /// <summary>
    /// The request for the paths the command names (standard input for <c>-</c>): the working-tree
    /// source with git's ignore rules and the globs given.
    /// </summary>
    public ScanRequest Request(ParseResult parse, CliConsole console)
    {
        string[] paths = parse.GetValue(Paths) is { Length: > 0 } p ? p : ["."];
        string[] files = [.. paths.Where(p => p != "-")];
        var sources = new List<IScanSource>();
        if (files.Length > 0)
        {
            sources.Add(new WorkingTreeSource(files, new GitIgnoreRulesProvider()));
        }

        if (files.Length < paths.Length)
        {
            sources.Add(new StandardInputSource(console.OpenInput));
        }

        return new ScanRequest
        {
            Start = files.FirstOrDefault() ?? ".",
            Sources = sources,
            Include = parse.GetValue(Include) ?? [],
            Exclude = parse.GetValue(Exclude) ?? [],
            NoIgnore = parse.GetValue(NoIgnore),
        };
    }
}
