using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.MSBuild.Caching;

/// <summary>
/// A finding as the build cache keeps it: located, fingerprinted and redacted, never the secret,
/// so the cache in <c>obj/</c> leaks nothing.
/// </summary>
/// <param name="Rule">The rule the token satisfies.</param>
/// <param name="Line">1-based line, 0 in binary content.</param>
/// <param name="Column">1-based column, 0 in binary content.</param>
/// <param name="ByteOffset">Byte offset of the token in the file.</param>
/// <param name="Form">How the token was laid out in bytes.</param>
/// <param name="Fingerprint">SHA-256 of the token, what baselines match on.</param>
/// <param name="Redacted">The redacted token shown in messages.</param>
/// <param name="InnerPath">The member of an archive it is in, or null.</param>
/// <param name="Decoded">The encodings it was found under, outermost first.</param>
internal sealed record CachedFinding(TokenRule Rule, int Line, int Column, long ByteOffset, ByteForm Form, string Fingerprint, string Redacted, string? InnerPath, IReadOnlyList<string> Decoded)
{
    /// <summary>Whether the finding has a line and column.</summary>
    public bool IsTextual => Line > 0;

    /// <summary>The finding again, at <paramref name="path"/> (relative to the project root), known by its fingerprint.</summary>
    public Finding ToFinding(string path) => new()
    {
        Rule = Rule,
        Secret = Secret.FromFingerprint(Rule, Fingerprint, Redacted),
        Path = InnerPath is null ? Secret.RedactAll(path) : Secret.RedactAll(path) + Containers.ContainerPath.Separator + InnerPath,
        InnerPath = InnerPath,
        Decoded = Decoded,
        Line = IsTextual ? Line : null,
        Column = IsTextual ? Column : null,
        ByteOffset = ByteOffset,
        Form = Form,
    };

    /// <summary>Keeps what the build needs of <paramref name="finding"/>.</summary>
    public static CachedFinding From(Finding finding) => new(
        finding.Rule,
        finding.Line ?? 0,
        finding.Column ?? 0,
        finding.ByteOffset,
        finding.Form,
        finding.Secret.Fingerprint,
        finding.Secret.Redacted,
        finding.InnerPath,
        finding.Decoded);
}
