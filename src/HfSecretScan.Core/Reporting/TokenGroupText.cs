using System.Globalization;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>The words for a <see cref="TokenGroup"/>, shared by the text, JSON and HTML reports so they say the same thing.</summary>
public static class TokenGroupText
{
    /// <summary>Refs named on one line before the rest are counted.</summary>
    public const int RefsShown = 6;

    /// <summary>The line that opens the section, e.g. <c>4 distinct tokens in 41 places</c>.</summary>
    public static string Heading(IReadOnlyCollection<TokenGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        int places = groups.Sum(g => g.Findings.Count);
        return $"{Count(groups.Count, "distinct token", "distinct tokens")} in {Count(places, "place", "places")}";
    }

    /// <summary>How many files, blob versions and commits carry the token, e.g. <c>2 files, 5 blob versions, 120 commits</c>.</summary>
    public static string Counts(TokenGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var parts = new List<string>();
        if (group.Repositories.Count > 1)
        {
            parts.Add($"{group.Repositories.Count} repositories ({string.Join(", ", group.Repositories)})");
        }

        if (group.FileCount > 0 || group.MessageCount == 0)
        {
            parts.Add(Count(group.FileCount, "file", "files"));
        }

        if (group.MessageCount > 0)
        {
            parts.Add(Count(group.MessageCount, "message", "messages"));
        }

        int blobs = group.VersionCount - group.MessageCount;
        if (group.Findings.Any(f => f.Commit is not null))
        {
            if (blobs > 0)
            {
                parts.Add(Count(blobs, "blob version", "blob versions"));
            }

            parts.Add(Count(group.CommitCount, "commit", "commits"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>The commit that introduced it (the author as <see cref="DisplayText"/> shows it), e.g. <c>first introduced in 1a2b3c4d5e6f on 2024-01-02 by Ann &lt;ann@example.com&gt;</c>; null outside git history.</summary>
    public static string? FirstCommit(TokenGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.FirstCommit is not { CommitId: { } id } first)
        {
            return null;
        }

        string date = first.Date is { } when ? " on " + Date(when) : string.Empty;
        string author = first.Author is { } name ? " by " + DisplayText.Quote(name) : string.Empty;
        return $"first introduced in {FindingText.ShortId(id)}{date}{author}";
    }

    /// <summary>How far the leak reaches, with the paths at HEAD or the refs as <see cref="DisplayText"/> shows them, e.g. <c>still at HEAD: .env:3</c>.</summary>
    public static string Reach(TokenGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Reach switch
        {
            TokenReach.AtHead => "still at HEAD: " + string.Join(", ", group.AtHead.Select(p => p.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{DisplayText.Quote(p.Path)}:{line}") : DisplayText.Quote(p.Path))),
            TokenReach.InFiles => "in files",
            TokenReach.InRefs => "not at HEAD, only in the history of " + Refs(group.Refs),
            TokenReach.InHistory => "not at HEAD (a range scan does not work out which refs carry it)",
            TokenReach.InReflogsOnly => "not at HEAD and in no ref: only reflog entries reach it",
            _ => "only in unreachable objects (left by amend, rebase or force-push)",
        };
    }

    /// <summary>The word each format uses for a reach: <c>head</c>, <c>files</c>, <c>refs</c>, <c>history</c>, <c>reflogs</c>, <c>unreachable</c>.</summary>
    public static string ReachName(TokenReach reach) => reach switch
    {
        TokenReach.AtHead => "head",
        TokenReach.InFiles => "files",
        TokenReach.InRefs => "refs",
        TokenReach.InHistory => "history",
        TokenReach.InReflogsOnly => "reflogs",
        _ => "unreachable",
    };

    /// <summary>A date as reports show it: <c>yyyy-MM-dd</c> in the author's own offset.</summary>
    public static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Refs(IReadOnlyList<string> refs) =>
        refs.Count <= RefsShown ? string.Join(", ", refs.Select(DisplayText.Quote)) : $"{string.Join(", ", refs.Take(RefsShown).Select(DisplayText.Quote))} and {refs.Count - RefsShown} more";

    private static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many)}");
}
