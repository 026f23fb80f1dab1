using HfSecretScan.Findings;
using HfSecretScan.Sources;

namespace HfSecretScan.Reporting;

/// <summary>
/// A finding's file as CI hosts (GitHub, GitLab, Azure Pipelines) resolve it: relative to the top
/// of the repository with forward slashes, which differs from the project root when the project's
/// <c>.config/hf-scan.json</c> sits in a subfolder.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>
    /// The path of <paramref name="finding"/>'s file from the repository's top; null when it is no
    /// file (standard input, a commit or tag message).
    /// </summary>
    public static string? Of(Finding finding, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(context);
        if (finding.OuterPath == StandardInputSource.DisplayName || IsMessage(finding))
        {
            return null;
        }

        // History paths are already paths in the commit's tree, i.e. from the repository's top.
        if (finding.Commit is not null || context.ProjectRoot is null || context.RepositoryRoot is null || Path.IsPathRooted(finding.OuterPath))
        {
            return finding.OuterPath;
        }

        string full = Path.Combine(context.ProjectRoot, finding.OuterPath);
        return Path.GetRelativePath(context.RepositoryRoot, full).Replace('\\', '/');
    }

    /// <summary>True for a token in a commit or tag message, which history reports under a label such as <c>(commit message)</c>.</summary>
    public static bool IsMessage(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        // A submodule's messages carry its path as a prefix, and a tag's name may hold slashes.
        return finding.Commit is not null && finding.Path.EndsWith(')')
            && (finding.Path.Contains("(commit message)", StringComparison.Ordinal) || finding.Path.Contains("(tag message ", StringComparison.Ordinal));
    }
}
