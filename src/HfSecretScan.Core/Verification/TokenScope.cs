namespace HfSecretScan.Verification;

/// <summary>What a fine-grained token may do on one entity.</summary>
/// <param name="EntityType">The entity's type, e.g. <c>model</c>, <c>dataset</c>, <c>space</c>, <c>user</c>, <c>org</c>.</param>
/// <param name="EntityName">The entity's name, e.g. <c>some-user/some-model</c>.</param>
/// <param name="Permissions">Permission names, e.g. <c>repo.content.read</c>, <c>repo.write</c>.</param>
public sealed record TokenScope(string EntityType, string EntityName, IReadOnlyList<string> Permissions);
