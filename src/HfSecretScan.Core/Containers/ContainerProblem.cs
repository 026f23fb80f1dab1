using HfSecretScan.Findings;

namespace HfSecretScan.Containers;

/// <summary>Something inside a content's containers that could not be read, named by its path below the content.</summary>
/// <param name="InnerPath">Member path below the scanned content (levels joined by <c>!</c>); null for the content itself.</param>
/// <param name="Kind">What sort of failure it is.</param>
/// <param name="Message">What went wrong.</param>
public sealed record ContainerProblem(string? InnerPath, ProblemKind Kind, string Message)
{
    /// <summary>The problem with its path below one more level, <paramref name="member"/>.</summary>
    public ContainerProblem Below(string member) => this with { InnerPath = ContainerPath.Join(member, InnerPath) };

    /// <summary>As a problem of the scan, at <paramref name="path"/> (the scanned content's own path).</summary>
    public ScanProblem At(string path) => new(Kind, InnerPath is null ? path : path + ContainerPath.Separator + ContainerPath.Resolve(path, InnerPath), Message);
}
