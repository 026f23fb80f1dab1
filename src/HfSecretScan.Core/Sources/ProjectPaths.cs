namespace HfSecretScan.Sources;

/// <summary>How reports, globs and baselines name a file: relative to the project root with forward slashes; its full path when outside the root.</summary>
public static class ProjectPaths
{
    /// <summary>The name of <paramref name="fullPath"/> in a project rooted at <paramref name="projectRoot"/> (full path, no trailing separator).</summary>
    public static string Display(string projectRoot, string fullPath)
    {
        if (fullPath.Length > projectRoot.Length + 1
            && fullPath.StartsWith(projectRoot, StringComparison.Ordinal)
            && fullPath[projectRoot.Length] == Path.DirectorySeparatorChar)
        {
            string inside = fullPath[(projectRoot.Length + 1)..];
            return Path.DirectorySeparatorChar == '/' ? inside : inside.Replace(Path.DirectorySeparatorChar, '/');
        }

        string relative = Path.GetRelativePath(projectRoot, fullPath);
        bool outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return (outside ? fullPath : relative).Replace('\\', '/');
    }
}
