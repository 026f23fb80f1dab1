namespace HfSecretScan.Git.Repositories.Hooks;

/// <summary>
/// Where a push's objects are while a pre-receive hook runs: git receives them into a quarantine
/// folder (<c>GIT_QUARANTINE_PATH</c>), names it <c>GIT_OBJECT_DIRECTORY</c> and lists the
/// repository's own object folder in <c>GIT_ALTERNATE_OBJECT_DIRECTORIES</c>. libgit2 reads none of
/// these variables, so the hook hands the folders to the readers itself.
/// </summary>
public static class Quarantine
{
    /// <summary>The object folders the environment names, quarantine first; empty outside a quarantined hook.</summary>
    /// <param name="environment">Reads an environment variable (the process's, or a test's).</param>
    public static IReadOnlyList<string> ObjectDirectories(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folders = new List<string>();
        foreach (string name in new[] { "GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY" })
        {
            if (environment(name) is { Length: > 0 } folder)
            {
                folders.Add(folder);
            }
        }

        // A list separated as PATH is; git quotes an entry only when it holds the separator itself.
        if (environment("GIT_ALTERNATE_OBJECT_DIRECTORIES") is { Length: > 0 } alternates)
        {
            folders.AddRange(alternates.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(a => a.Trim('"')));
        }

        return [.. folders.Where(Directory.Exists).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
    }
}
