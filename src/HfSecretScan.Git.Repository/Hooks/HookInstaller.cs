using System.Text;
using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.Hooks;

/// <summary>
/// Installs and removes hf-scan's git hooks in the folder git runs hooks from (honouring
/// <c>core.hooksPath</c>). An existing hook is kept and chained, never overwritten; uninstalling
/// removes only what was installed and puts the chained hook back.
/// </summary>
public static class HookInstaller
{
    /// <summary>The folder git runs the hooks of the repository at or above <paramref name="path"/> from.</summary>
    /// <exception cref="InputException">No repository there.</exception>
    public static string HooksDirectory(string path)
    {
        using var repository = RepositoryDiscovery.Open(path);
        string? configured = GitConfiguration.Get<string>(repository, "core.hooksPath")?.Value;
        if (string.IsNullOrEmpty(configured))
        {
            return Path.Combine(Storage.Objects.ObjectDirectories.CommonDirectory(repository.Info.Path), "hooks");
        }

        if (configured.StartsWith("~/", StringComparison.Ordinal))
        {
            configured = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), configured[2..]);
        }

        // Git runs hooks from the top of the working tree (the git folder when bare), so a relative path is relative to it.
        return Path.GetFullPath(configured, repository.Info.WorkingDirectory ?? repository.Info.Path);
    }

    /// <summary>Installs <paramref name="kinds"/>; returns one sentence per hook saying what was done.</summary>
    /// <param name="path">A folder in the repository.</param>
    /// <param name="kinds">The hooks to install.</param>
    /// <param name="recordedCommand">The command that runs hf-scan now, used when no local or global tool is found.</param>
    /// <exception cref="InputException">No repository there, or a hook could not be written (the previous one is left whole).</exception>
    public static IReadOnlyList<string> Install(string path, IEnumerable<HookKind> kinds, IReadOnlyList<string> recordedCommand)
    {
        string folder = HooksDirectory(path);
        Directory.CreateDirectory(folder);
        var done = new List<string>();
        foreach (var kind in kinds.Distinct())
        {
            string hook = Path.Combine(folder, kind.FileName());
            string previous = hook + HookScript.PreviousSuffix;
            if (File.Exists(hook) && !IsOurs(hook))
            {
                if (File.Exists(previous))
                {
                    throw new IOException($"{hook} is not hf-scan's and {previous} already exists: move one of them away, then install again.");
                }

                File.Move(hook, previous);
                done.Add($"Kept the existing {kind.FileName()} hook as {previous}; it runs first.");
            }

            // Whole or not at all, executable from the start: git may run the hook while it is written.
            AtomicFile.Write(hook, stream => stream.Write(new UTF8Encoding(false).GetBytes(HookScript.For(kind, recordedCommand))), executable: true);

            done.Add($"Installed the {kind.FileName()} hook: {hook}");
        }

        return done;
    }

    /// <summary>True when the <paramref name="kind"/> hook of the repository at <paramref name="path"/> is exactly what <see cref="Install"/> would write.</summary>
    /// <exception cref="InputException">No repository there.</exception>
    public static bool IsInstalled(string path, HookKind kind, IReadOnlyList<string> recordedCommand)
    {
        string hook = Path.Combine(HooksDirectory(path), kind.FileName());
        return File.Exists(hook) && File.ReadAllText(hook) == HookScript.For(kind, recordedCommand);
    }

    /// <summary>Removes hf-scan's hooks and restores the hooks they chained; returns what was done.</summary>
    public static IReadOnlyList<string> Uninstall(string path)
    {
        string folder = HooksDirectory(path);
        var done = new List<string>();
        foreach (var kind in Enum.GetValues<HookKind>())
        {
            string hook = Path.Combine(folder, kind.FileName());
            if (!File.Exists(hook) || !IsOurs(hook))
            {
                continue;
            }

            File.Delete(hook);
            string previous = hook + HookScript.PreviousSuffix;
            if (File.Exists(previous))
            {
                File.Move(previous, hook);
                done.Add($"Removed the hf-scan {kind.FileName()} hook and put back the one it chained: {hook}");
            }
            else
            {
                done.Add($"Removed the hf-scan {kind.FileName()} hook: {hook}");
            }
        }

        return done;
    }

    private static bool IsOurs(string hook) => File.ReadLines(hook).Take(3).Any(line => line.StartsWith(HookScript.Marker, StringComparison.Ordinal));
}
