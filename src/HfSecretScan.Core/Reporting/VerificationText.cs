using System.Globalization;
using HfSecretScan.Verification;

namespace HfSecretScan.Reporting;

/// <summary>
/// The words for a verification verdict, shared by <c>scan --verify</c> and <c>verify</c> so they
/// say the same thing, e.g. <c>LIVE write token of user some-user — CRITICAL</c>.
/// </summary>
public static class VerificationText
{
    /// <summary>The status word used in every format: <c>live</c>, <c>invalid</c> or <c>unknown</c>.</summary>
    public static string Status(TokenVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return verification.Status.ToString().ToLowerInvariant();
    }

    /// <summary>The severity word used in every format: <c>critical</c>, <c>high</c>, <c>medium</c> or <c>note</c>.</summary>
    public static string Severity(TokenVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return verification.Severity.ToString().ToLowerInvariant();
    }

    /// <summary>One phrase: status, kind, owner and severity.</summary>
    public static string Summary(TokenVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        string severity = Severity(verification).ToUpperInvariant();
        return verification.Status switch
        {
            TokenStatus.Live => verification.Owner is { } owner
                ? $"LIVE {verification.Kind} of {owner.Type} {owner.Name} — {severity}"
                : $"LIVE {verification.Kind} — {severity}",
            TokenStatus.Invalid => $"INVALID (revoked or never valid) — {severity}",
            _ => $"UNKNOWN: {verification.Reason} — {severity}",
        };
    }

    /// <summary>For a live token, one line per fact: its name, scopes, global permissions and the owner's organizations.</summary>
    public static IEnumerable<string> Details(TokenVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        if (verification.Status != TokenStatus.Live)
        {
            yield break;
        }

        if (verification.DisplayName is { } name)
        {
            yield return $"token name: {name}";
        }

        foreach (var scope in verification.Scopes)
        {
            yield return $"{scope.EntityType} {scope.EntityName}: {List(scope.Permissions)}";
        }

        if (verification.GlobalPermissions.Count > 0)
        {
            yield return $"everywhere: {List(verification.GlobalPermissions)}";
        }

        if (verification.Orgs.Count > 0)
        {
            yield return "organizations: " + string.Join(", ", verification.Orgs.Select(o => o.RoleInOrg is null ? o.Name : string.Create(CultureInfo.InvariantCulture, $"{o.Name} ({o.RoleInOrg})")));
        }

        foreach (var reach in verification.Reach)
        {
            yield return "reaches " + Reach(reach);
        }
    }

    /// <summary>
    /// What a token reaches in one account, e.g. <c>acme (admin): 12 models (3 private), 2 datasets
    /// (0 private), 1 Space (0 private); can write 15 (3 private)</c>.
    /// </summary>
    public static string Reach(OwnerReach reach)
    {
        ArgumentNullException.ThrowIfNull(reach);
        string AtLeast(int n) => reach.Complete ? n.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"at least {n}");
        string Kind(HubRepositoryKind kind, string one, string many)
        {
            var count = reach.Visible.GetValueOrDefault(kind);
            return $"{AtLeast(count.Total)} {(count.Total == 1 ? one : many)} ({count.Private} private)";
        }

        string role = reach.Role is null ? string.Empty : $" ({reach.Role})";
        string text = $"{reach.Owner}{role}: {Kind(HubRepositoryKind.Model, "model", "models")}, {Kind(HubRepositoryKind.Dataset, "dataset", "datasets")}, {Kind(HubRepositoryKind.Space, "Space", "Spaces")}; can write {AtLeast(reach.Writable.Total)} ({reach.Writable.Private} private)";
        return reach.Error is null ? text : $"{text}; incomplete: {reach.Error}";
    }

    /// <summary>
    /// The worst of what a token can write, e.g. <c>can write 12 private repositories of acme</c>
    /// (private ones first, then the most); null when it can write none of the repositories surveyed.
    /// </summary>
    public static string? WorstReach(TokenVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var worst = verification.Reach.Where(r => r.Writable.Total > 0).OrderByDescending(r => r.Writable.Private).ThenByDescending(r => r.Writable.Total).FirstOrDefault();
        if (worst is null)
        {
            return null;
        }

        var (count, which) = worst.Writable.Private > 0 ? (worst.Writable.Private, "private ") : (worst.Writable.Total, "public ");
        return string.Create(CultureInfo.InvariantCulture, $"can write {count} {which}{(count == 1 ? "repository" : "repositories")} of {worst.Owner}");
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);
}
