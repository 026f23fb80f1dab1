namespace HfSecretScan.Tests;

/// <summary>A git repository in a temporary folder, driven with the real git CLI; deleted on dispose.</summary>
public sealed class TestRepository : IDisposable
{
    private readonly string _root;

    private TestRepository(string root, string path)
    {
        _root = root;
        Path = path;
    }

    /// <summary>The working tree (or the git folder of a bare repository).</summary>
    public string Path { get; }

    public static TestRepository Create(bool bare = false)
    {
        string root = Directory.CreateTempSubdirectory("hfscan-git-").FullName;
        string path = System.IO.Path.Combine(root, "repo");
        var repository = new TestRepository(root, path);
        Directory.CreateDirectory(path);
        repository.Git(bare ? ["init", "-q", "--bare", "-b", "main"] : ["init", "-q", "-b", "main"]);
        return repository;
    }

    /// <summary>Another repository made next to this one by <c>git clone ARGS</c>, owned (and deleted) by this one.</summary>
    public string Clone(string name, params string[] options)
    {
        string target = System.IO.Path.Combine(_root, name);
        Git([.. new[] { "clone", "-q" }, .. options, "file://" + Path, target]);
        return target;
    }

    /// <summary>Runs git in the repository and returns its standard output; fails the test if git fails.</summary>
    public string Git(params string[] arguments) => GitIn(Path, arguments);

    public static string GitIn(string folder, params string[] arguments)
    {
        var result = ProcessRun.Run(folder, "git", arguments);
        Assert.AreEqual(0, result.ExitCode, $"git {string.Join(' ', arguments)} failed: {result}");
        return result.Output.Trim();
    }

    public void Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void Write(string relativePath, byte[] bytes)
    {
        string full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Writes a file, stages it and commits; returns the new commit's id.</summary>
    public string Commit(string relativePath, string text, string message = "change")
    {
        Write(relativePath, text);
        Git("add", "--", relativePath);
        Git("commit", "-q", "-m", message);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temp folder is cleaned eventually.
        }
    }
}
