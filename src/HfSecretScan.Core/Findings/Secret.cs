using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using HfSecretScan.Detection;

namespace HfSecretScan.Findings;

/// <summary>
/// A token's text, kept out of every report: <see cref="ToString"/> redacts, reports use
/// <see cref="Redacted"/> and <see cref="Fingerprint"/>, and only verification and revocation
/// call <see cref="Reveal"/>.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    /// <summary>Characters of the body shown after the prefix in redacted form.</summary>
    public const int VisibleBodyCharacters = 4;

    private static readonly int MinTokenLength = TokenRules.All.Min(r => r.Length);

    private readonly string? _value;
    private readonly string? _redacted;
    private string? _fingerprint;

    /// <summary>Wraps the token text <paramref name="value"/> matched by <paramref name="rule"/>.</summary>
    public Secret(TokenRule rule, string value)
    {
        Rule = rule;
        _value = value;
    }

    private Secret(TokenRule rule, string fingerprint, string redacted)
    {
        Rule = rule;
        _fingerprint = fingerprint;
        _redacted = redacted;
    }

    /// <summary>
    /// A token known only by its fingerprint and redacted form, as a store that never keeps tokens
    /// (the build's cache) remembers it: it reports and baselines like any other, but cannot be
    /// revealed, so it can be neither verified nor revoked.
    /// </summary>
    public static Secret FromFingerprint(TokenRule rule, string fingerprint, string redacted) => new(rule, fingerprint, redacted);

    /// <summary>The rule the token satisfies.</summary>
    public TokenRule Rule { get; }

    /// <summary>The prefix, the first characters of the body and an ellipsis, e.g. <c>hf_AbCd…</c>.</summary>
    public string Redacted => _redacted ?? Redact(Rule, _value!);

    /// <summary>Lower-case hex SHA-256 of the token: stable when lines move, what baselines store.</summary>
    public string Fingerprint => _fingerprint ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(_value!)));

    /// <summary>
    /// Redacts <paramref name="value"/> as <paramref name="rule"/>'s prefix, the first
    /// <see cref="VisibleBodyCharacters"/> of the body and an ellipsis.
    /// </summary>
    public static string Redact(TokenRule rule, string value)
    {
        int visible = Math.Min(value.Length, rule.Prefix.Length + VisibleBodyCharacters);
        return string.Concat(value.AsSpan(0, visible), "…");
    }

    /// <summary>
    /// <paramref name="text"/> with every token in it redacted: for messages that may quote input,
    /// such as a parser's error about a configuration file.
    /// </summary>
    public static string RedactAll(string text)
    {
        // Paths and messages are short and rarely hold a token: skip the search when none fits.
        if (text.Length < MinTokenLength)
        {
            return text;
        }

        var found = new List<RawToken>();
        var form = BitConverter.IsLittleEndian ? ByteForm.Utf16LE : ByteForm.Utf16BE;
        TokenMatcher.Find(MemoryMarshal.AsBytes(text.AsSpan()), 0, 0, text.Length * 2, form, 0, found);
        if (found.Count == 0)
        {
            return text;
        }

        found.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
        var redacted = new StringBuilder(text.Length);
        int at = 0;
        foreach (var token in found)
        {
            int index = (int)(token.Offset / 2);
            redacted.Append(text, at, index - at).Append(Redact(token.Rule, token.Value));
            at = index + token.Rule.Length;
        }

        return redacted.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The whole token. Only for sending it to Hugging Face (verification, revocation).</summary>
    /// <exception cref="InvalidOperationException">Only the fingerprint is known (<see cref="FromFingerprint"/>).</exception>
    public string Reveal() => _value ?? throw new InvalidOperationException("Only the fingerprint of this token is known: it came from a store that never keeps tokens.");

    /// <summary>Same token: same text, or the same fingerprint when one side knows only that.</summary>
    public bool Equals(Secret? other) =>
        other is not null && (_value is not null && other._value is not null
            ? string.Equals(_value, other._value, StringComparison.Ordinal)
            : string.Equals(Fingerprint, other.Fingerprint, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Fingerprint);

    /// <summary>The redacted form; never the token.</summary>
    public override string ToString() => Redacted;
}
