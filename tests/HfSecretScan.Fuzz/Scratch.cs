namespace HfSecretScan.Fuzz;

/// <summary>
/// The files a target writes its input to, for the parsers that read a path: one folder per
/// process, under the temporary folder run.sh points into its output, laid out as a git folder.
/// </summary>
internal sealed class Scratch
{
    public Scratch()
    {
        GitDirectory = Path.Combine(Path.GetTempPath(), "hf-scan-fuzz-" + Environment.ProcessId);
        PackFolder = Path.Combine(GitDirectory, "objects", "pack");
        Directory.CreateDirectory(PackFolder);
    }

    /// <summary>A folder with an <c>objects/pack</c> folder in it.</summary>
    public string GitDirectory { get; }

    /// <summary>Where pack indexes and packs go.</summary>
    public string PackFolder { get; }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the git folder and returns its path.</summary>
    public string Write(string name, ReadOnlySpan<byte> bytes)
    {
        string path = Path.Combine(GitDirectory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
