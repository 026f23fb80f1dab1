using System.Text;
using HfSecretScan.Git.Repositories.Ignore;
using HfSecretScan.Git.Storage.Ignore;

namespace HfSecretScan.Git.Tests.Ignore;

/// <summary>git's verdict on one path: the deciding pattern (empty when none) as <c>git check-ignore -v</c> reports it.</summary>
internal sealed record GitVerdict(string Source, string Line, string Pattern)
{
    public bool Ignored => Pattern.Length > 0 && Pattern[0] != '!';

    public override string ToString() => Pattern.Length == 0 ? "no pattern" : $"{System.IO.Path.GetFileName(Source)}:{Line}: {Pattern}";
}

/// <summary>
/// A repository for ignore tests: ignore files, real files and folders for every path (a trailing
/// slash makes a folder), an excludes file set in the repository's own config (never the user's),
/// and the answers of both the managed rules and <c>git check-ignore</c>.
/// </summary>
internal sealed class IgnoreFixture : IDisposable
{
    /// <summary>Name that <see cref="WriteIgnore(string, byte[])"/> maps to the excludes file outside the working tree.</summary>
    public const string ExcludesFile = "EXCLUDES";

    private IgnoreFixture(TestRepository repository, string excludesPath)
    {
        Repository = repository;
        ExcludesPath = excludesPath;
    }

    public TestRepository Repository { get; }

    public string ExcludesPath { get; }

    public static IgnoreFixture Create(bool ignoreCase = false)
    {
        var repository = TestRepository.Create();
        string excludes = Path.Combine(Path.GetDirectoryName(repository.Path)!, "excludes");
        repository.Git("config", "core.excludesFile", excludes);
        repository.Git("config", "core.ignoreCase", ignoreCase ? "true" : "false");
        return new IgnoreFixture(repository, excludes);
    }

    public void WriteIgnore(string file, string text) => WriteIgnore(file, Encoding.UTF8.GetBytes(text));

    public void WriteIgnore(string file, byte[] content)
    {
        if (file == ExcludesFile)
        {
            File.WriteAllBytes(ExcludesPath, content);
        }
        else
        {
            Repository.Write(file, content);
        }
    }

    public void CreatePaths(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            string full = Path.Combine(Repository.Path, path.TrimEnd('/'));
            if (path.EndsWith('/'))
            {
                Directory.CreateDirectory(full);
            }
            else if (!File.Exists(full))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, "x\n");
            }
        }
    }

    /// <summary>The managed rules' answer for each path.</summary>
    public Dictionary<string, bool> Ours(IEnumerable<string> paths)
    {
        using var rules = GitIgnoreRules.TryOpen(Repository.Path)!;
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            string trimmed = path.TrimEnd('/');
            int slash = trimmed.LastIndexOf('/');
            string directory = slash < 0 ? string.Empty : trimmed[..slash];
            answers[path] = rules.IsIgnored(directory, trimmed.AsSpan(slash + 1), path.EndsWith('/'));
        }

        return answers;
    }

    /// <summary>The pattern the managed matcher decides <paramref name="path"/> by, for failure messages.</summary>
    public string OurPattern(string path, bool ignoreCase)
    {
        var tree = new IgnoreTree(Repository.Path + "/", ignoreCase, [
            IgnoreFile.Load(Path.Combine(Repository.Path, ".git", "info", "exclude"), inWorkingTree: false, 0, ignoreCase),
            IgnoreFile.Load(ExcludesPath, inWorkingTree: false, 0, ignoreCase),
        ]);
        string trimmed = path.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        var pattern = tree.Match(slash < 0 ? string.Empty : trimmed[..slash], trimmed.AsSpan(slash + 1), path.EndsWith('/'));
        return pattern is null ? "no pattern" : $"{Path.GetFileName(pattern.Source)}:{pattern.Line}: {pattern}";
    }

    /// <summary>git's answer for each path: <c>git check-ignore --no-index --stdin -z -v -n</c>, the authority.</summary>
    public Dictionary<string, GitVerdict> Git(IReadOnlyCollection<string> paths)
    {
        string input = string.Concat(paths.Select(p => p.TrimEnd('/') + "\0"));
        var result = ProcessRun.Run(Repository.Path, "git", ["check-ignore", "--no-index", "--stdin", "-z", "-v", "-n"], input);
        Assert.IsTrue(result.ExitCode is 0 or 1, $"git check-ignore failed: {result}");
        string[] fields = result.Output.Split('\0');
        var byPath = new Dictionary<string, GitVerdict>(StringComparer.Ordinal);
        for (int i = 0; i + 3 < fields.Length; i += 4)
        {
            byPath[fields[i + 3]] = new GitVerdict(fields[i], fields[i + 1], fields[i + 2]);
        }

        return paths.ToDictionary(p => p, p => byPath[p.TrimEnd('/')], StringComparer.Ordinal);
    }

    public void Dispose() => Repository.Dispose();
}
