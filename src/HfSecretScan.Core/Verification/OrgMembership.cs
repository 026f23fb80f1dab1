namespace HfSecretScan.Verification;

/// <summary>An organization the token's owner belongs to, reachable with the token.</summary>
/// <param name="Name">The organization's name.</param>
/// <param name="RoleInOrg">The owner's role there (e.g. <c>admin</c>, <c>write</c>, <c>read</c>), or null when not given.</param>
public sealed record OrgMembership(string Name, string? RoleInOrg);
