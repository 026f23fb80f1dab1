namespace HfSecretScan.Tests;

/// <summary>The HfSecretScan source tree the tests run from, for tests that pack or install it.</summary>
public static class SourceTree
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".pre-commit-hooks.yaml")) && File.Exists(Path.Combine(folder.FullName, "HfSecretScan.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run from inside the HfSecretScan source tree.");
    }

    /// <summary>Copies the files git would commit (tracked and untracked, not ignored): the working state under test.</summary>
    public static void CopyWorkingFiles(string target)
    {
        string source = Root();
        string list = TestRepository.GitIn(source, "ls-files", "-co", "--exclude-standard");
        foreach (string relative in list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            string from = Path.Combine(source, relative);
            if (!File.Exists(from))
            {
                continue; // deleted in the working tree
            }

            string to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }
}
