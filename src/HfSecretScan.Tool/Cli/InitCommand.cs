using System.CommandLine;
using System.Text;
using HfSecretScan.Git.Repositories.Hooks;
using HfSecretScan.Pipeline;
using HfSecretScan.Suppression;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// <c>hf-scan init [PATH]</c>: sets a repository up in one step (configuration with its schema, the
/// tool pinned in the local tool manifest, the pre-commit hook) and prints what to add elsewhere.
/// Each file is written only when it would change, and atomically; a second run changes nothing.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("PATH") { Description = "A folder in the repository (default: the current folder).", DefaultValueFactory = _ => "." };
        var noHook = new Option<bool>("--no-hook") { Description = "Do not install the pre-commit hook." };
        var command = new Command("init", "Set a repository up: .config/hf-scan.json with its schema, HfSecretScan.Tool in .config/dotnet-tools.json, the pre-commit hook.");
        command.Arguments.Add(target);
        command.Options.Add(noHook);
        command.SetAction(parse =>
        {
            string start = Path.GetFullPath(parse.GetValue(target)!);
            bool hook = !parse.GetValue(noHook);
            string root = ProjectRoot.RepositoryTop(start)
                ?? (hook ? throw new InputException($"No git working tree at or above '{start}' to install the pre-commit hook in (--no-hook sets up the folder alone).") : start);
            var done = new List<string>();
            string config = Path.Combine(root, ScanConfig.RelativePath);
            Write(root, config, ConfigFile.WithSchema(ReadOrNull(config), config), File.Exists(config) ? "Added \"$schema\" to" : "Created", done);
            string schema = Path.Combine(Path.GetDirectoryName(config)!, ConfigFile.SchemaFileName);
            byte[] schemaBytes = ConfigFile.Schema();
            Write(root, schema, File.Exists(schema) && File.ReadAllBytes(schema).AsSpan().SequenceEqual(schemaBytes) ? null : schemaBytes, File.Exists(schema) ? "Updated" : "Created", done);
            string manifest = ManifestPath(root);
            Write(root, manifest, ToolManifest.WithTool(ReadOrNull(manifest), ToolVersion.Package, manifest), $"Pinned HfSecretScan.Tool {ToolVersion.Package} in", done);
            if (hook && !HookInstaller.IsInstalled(root, HookKind.PreCommit, HookCommand.RecordedCommand()))
            {
                done.AddRange(HookInstaller.Install(root, [HookKind.PreCommit], HookCommand.RecordedCommand()));
            }

            console.Out.WriteLine(done.Count == 0 ? $"Nothing to change: {root} is already set up." : string.Join(Environment.NewLine, done));
            console.Out.WriteLine();
            console.Out.Write(NextSteps());
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>Writes <paramref name="text"/> unless it is null, meaning the file is as it should be.</summary>
    private static void Write(string root, string path, string? text, string verb, List<string> done) =>
        Write(root, path, text is null ? null : new UTF8Encoding(false).GetBytes(text), verb, done);

    /// <summary>Writes <paramref name="bytes"/> unless they are null, meaning the file is as it should be.</summary>
    private static void Write(string root, string path, byte[]? bytes, string verb, List<string> done)
    {
        if (bytes is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, stream => stream.Write(bytes));
        done.Add($"{verb} {Path.GetRelativePath(root, path).Replace('\\', '/')}");
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    /// <summary>The manifest dotnet finds for the repository: an existing one at the root, else <c>.config/dotnet-tools.json</c>.</summary>
    private static string ManifestPath(string root)
    {
        string atRoot = Path.Combine(root, "dotnet-tools.json");
        return File.Exists(atRoot) ? atRoot : Path.Combine(root, ".config", "dotnet-tools.json");
    }

    private static string NextSteps() => $$"""
        Next steps:
          - Commit .config/ (the configuration, its schema and the tool manifest); on a fresh clone
            `dotnet tool restore` brings the tool back, and `dotnet hf-scan hook install` the hook.
          - Fail `dotnet build` on a token: add to each project (or Directory.Build.props)
              <PackageReference Include="HfSecretScan" Version="{{ToolVersion.Package}}" PrivateAssets="all" />
          - Annotate pull requests on GitHub (.github/workflows/hf-scan.yml):
              on: pull_request
              jobs:
                hf-scan:
                  runs-on: ubuntu-latest
                  permissions: { contents: read, security-events: write }
                  steps:
                    - uses: actions/checkout@v4
                      with: { fetch-depth: 0 }
                    - uses: OWNER/HfSecretScan@v{{ToolVersion.Package}}
                      with: { mode: diff, sarif: hf-scan.sarif }

        """.ReplaceLineEndings(Environment.NewLine);
}
