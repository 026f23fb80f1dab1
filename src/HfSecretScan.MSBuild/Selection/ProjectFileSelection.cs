using HfSecretScan.Sources;
using HfSecretScan.Suppression;

namespace HfSecretScan.MSBuild.Selection;

/// <summary>
/// Chooses the files a build scans from the project's items: each file once, nothing under the
/// output folders (<c>bin/</c>, <c>obj/</c>), nothing the repository's configuration or the
/// project's <c>HfSecretScanExclude</c> globs leave out.
/// </summary>
internal sealed class ProjectFileSelection
{
    private readonly string _projectDirectory;
    private readonly IReadOnlyList<string> _excludedFolders;
    private readonly ScanPolicy _policy;
    private readonly string _root;
    private readonly PathFilter _projectFilter;

    /// <summary>Creates a selection.</summary>
    /// <param name="projectDirectory">The project's folder; <paramref name="projectExcludes"/> are relative to it.</param>
    /// <param name="policy">The run's rules: the repository root and the configuration's globs, relative to it.</param>
    /// <param name="excludedFolders">Folders whose files are never scanned.</param>
    /// <param name="projectExcludes">The project's exclude globs.</param>
    public ProjectFileSelection(string projectDirectory, ScanPolicy policy, IEnumerable<string> excludedFolders, IReadOnlyList<string> projectExcludes)
    {
        _projectDirectory = Path.GetFullPath(projectDirectory);
        _excludedFolders = [.. excludedFolders.Where(f => f.Length > 0).Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f, _projectDirectory)) + Path.DirectorySeparatorChar)];
        _policy = policy;
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(policy.Root));
        _projectFilter = projectExcludes.Count == 0 ? PathFilter.All : new PathFilter([], projectExcludes);
    }

    /// <summary>The files to scan among <paramref name="itemPaths"/> (full or project-relative), in first-seen order.</summary>
    public IReadOnlyList<ProjectFile> Select(IEnumerable<string> itemPaths)
    {
        var seen = new HashSet<string>(FileSystemPaths.Comparer);
        var files = new List<ProjectFile>();
        foreach (string item in itemPaths)
        {
            string full = Path.GetFullPath(item, _projectDirectory);
            if (!seen.Add(full) || _excludedFolders.Any(f => full.StartsWith(f, FileSystemPaths.Comparison)))
            {
                continue;
            }

            string rootPath = ProjectPaths.Display(_root, full);
            string projectPath = Path.GetRelativePath(_projectDirectory, full).Replace('\\', '/');
            if (_policy.Admits(rootPath) && _projectFilter.IsIncluded(projectPath))
            {
                files.Add(new ProjectFile(full, rootPath));
            }
        }

        return files;
    }
}
