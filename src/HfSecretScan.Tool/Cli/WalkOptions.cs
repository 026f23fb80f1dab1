using System.CommandLine;
using HfSecretScan.Git.Repositories.Ignore;
using HfSecretScan.Scanning;

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

    public string[] GetPaths(ParseResult parse) => parse.GetValue(Paths) is { Length: > 0 } p ? p : ["."];

    public PathScanOptions ToScanOptions(ParseResult parse, IReadOnlyList<string> paths, string? baseline) => new()
    {
        Paths = paths,
        Include = parse.GetValue(Include) ?? [],
        Exclude = parse.GetValue(Exclude) ?? [],
        NoIgnore = parse.GetValue(NoIgnore),
        BaselinePath = baseline,
        Ignore = new GitIgnoreRulesProvider(),
    };
}
