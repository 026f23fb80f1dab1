namespace HfSecretScan.Verification;

/// <summary>Whom a live token acts as.</summary>
/// <param name="Name">The user or organization name, e.g. <c>some-user</c>.</param>
/// <param name="Type">The owner's type: <c>user</c>, <c>org</c> or <c>app</c>.</param>
public sealed record TokenOwner(string Name, string Type);
