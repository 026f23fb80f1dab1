using HfSecretScan.Detection;

namespace HfSecretScan.Scanning;

/// <summary>A token found in one content, with its position.</summary>
/// <param name="Token">The token and its byte offset.</param>
/// <param name="Line">1-based line for text, 0 for binary content.</param>
/// <param name="Column">1-based column in UTF-16 code units of the decoded line, 0 for binary content.</param>
/// <param name="Allowed">True when the token's line carries an <c>hf-scan:allow</c> comment.</param>
/// <param name="InnerPath">
/// For a token inside a container (an archive member, a compressed stream), the member's path
/// below the scanned content, levels joined by <c>!</c>; line, column and offset are then inside
/// the innermost member. Null for a token in the content itself.
/// </param>
public readonly record struct LocatedToken(RawToken Token, int Line, int Column, bool Allowed, string? InnerPath = null);
