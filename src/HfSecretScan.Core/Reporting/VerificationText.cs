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
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);
}
