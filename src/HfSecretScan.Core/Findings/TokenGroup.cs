using HfSecretScan.Detection;
using HfSecretScan.Verification;

namespace HfSecretScan.Findings;

/// <summary>
/// One distinct token and every place a scan found it: what an auditor asks about a leak (where it
/// first leaked, who committed it, whether it is still at HEAD, which refs carry it, whether it is
/// live). Findings are grouped by <see cref="Secret.Fingerprint"/> only, never by path or source, so
/// one token found in several files, blobs or repositories is one group. Every reporter uses it.
/// </summary>
public sealed record TokenGroup
{
    /// <summary>The token, which prints redacted.</summary>
    public required Secret Secret { get; init; }

    /// <summary>Every place it was found, in report order (path, then position).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The token's fingerprint: what the group is keyed by.</summary>
    public string Fingerprint => Secret.Fingerprint;

    /// <summary>The rule the token satisfies.</summary>
    public TokenRule Rule => Secret.Rule;

    /// <summary>What Hugging Face said about the token, when verification ran.</summary>
    public TokenVerification? Verification => Findings.Select(f => f.Verification).FirstOrDefault(v => v is not null);

    /// <summary>How many distinct paths hold it (messages left out).</summary>
    public int FileCount => Findings.Where(f => f.Commit?.InMessage != true).Select(f => (f.Repository, f.Path)).Distinct().Count();

    /// <summary>The Hub repositories that carry it, in order; empty outside a Hub audit. One token in several means revoking it breaks all of them.</summary>
    public IReadOnlyList<string> Repositories => [.. Findings.Select(f => f.Repository).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>How many commit and tag messages hold it.</summary>
    public int MessageCount => Findings.Where(f => f.Commit?.InMessage == true).Select(f => f.Commit!.ObjectId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>How many distinct contents hold it: blob versions (and messages) in history, files otherwise.</summary>
    public int VersionCount => Findings.Select(f => f.Commit?.ObjectId ?? f.Path).Distinct(StringComparer.Ordinal).Count();

    /// <summary>How many commits carry it (0 outside git history).</summary>
    public int CommitCount => Findings.GroupBy(f => f.Repository).Sum(g => g.Select(f => f.Commit?.TokenCommitCount ?? 0).Max());

    /// <summary>The commit that first introduced it (the earliest author date of the reachable ones, else any); null outside git history.</summary>
    public CommitOrigin? FirstCommit => Dated.FirstOrDefault() ?? Findings.Select(f => f.Commit).FirstOrDefault(c => c?.CommitId is not null);

    /// <summary>The author date of the last commit that introduced it in some content; null outside git history.</summary>
    public DateTimeOffset? LastDate => Dated.LastOrDefault()?.Date;

    /// <summary>Where HEAD's tree holds it, as path and line (line null in binary content), ordered by path.</summary>
    public IReadOnlyList<(string Path, int? Line)> AtHead =>
        [.. Findings.Where(f => f.Commit is not null).SelectMany(f => f.Commit!.PathsAtHead.Select(p => (Path: p, f.Line))).Distinct().OrderBy(p => p.Path, StringComparer.Ordinal)];

    /// <summary>The refs whose history holds it, ordered.</summary>
    public IReadOnlyList<string> Refs =>
        [.. Findings.SelectMany(f => f.Commit?.Refs ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>How far the leak reaches.</summary>
    public TokenReach Reach
    {
        get
        {
            var origins = Findings.Select(f => f.Commit).ToList();
            if (origins.Any(c => c is null))
            {
                return origins.Any(c => c?.AtHead == true) ? TokenReach.AtHead : TokenReach.InFiles;
            }

            return origins.Any(c => c!.AtHead) ? TokenReach.AtHead
                : origins.Any(c => c!.Refs is { Count: > 0 }) ? TokenReach.InRefs
                : origins.Any(c => !c!.Unreachable && c.Refs is null) ? TokenReach.InHistory
                : origins.Any(c => !c!.Unreachable) ? TokenReach.InReflogsOnly
                : TokenReach.UnreachableOnly;
        }
    }

    private IEnumerable<CommitOrigin> Dated => Findings
        .Select(f => f.Commit)
        .OfType<CommitOrigin>()
        .Where(c => c.CommitId is not null && c.Date is not null)
        .OrderBy(c => c.Unreachable)
        .ThenBy(c => c.Date)
        .ThenBy(c => c.CommitId, StringComparer.Ordinal);

    /// <summary>
    /// The findings grouped by token: live tokens first (by severity), then by how far the leak
    /// reaches, then by redacted form and fingerprint, so the order is stable.
    /// </summary>
    public static IReadOnlyList<TokenGroup> Of(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return [.. findings
            .GroupBy(f => f.Secret.Fingerprint, StringComparer.Ordinal)
            .Select(g => new TokenGroup { Secret = g.First().Secret, Findings = [.. g] })
            .OrderByDescending(g => g.Verification?.Severity ?? VerificationSeverity.Critical)
            .ThenBy(g => g.Reach)
            .ThenBy(g => g.Secret.Redacted, StringComparer.Ordinal)
            .ThenBy(g => g.Fingerprint, StringComparer.Ordinal)];
    }
}
