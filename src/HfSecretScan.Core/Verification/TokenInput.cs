using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification;

/// <summary>
/// Tokens typed or piped in by a user (<c>verify</c>, <c>revoke --stdin</c>): each must be a whole
/// token on its own, surrounding white space aside. Unlike scanning, nothing around it is allowed.
/// </summary>
public static class TokenInput
{
    private static readonly SearchValues<char> Body = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>The token <paramref name="text"/> consists of, if it is exactly one.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Secret? token)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        var rule = TokenRules.All.FirstOrDefault(r =>
            trimmed.Length == r.Length && trimmed.StartsWith(r.Prefix, StringComparison.Ordinal) && !trimmed.AsSpan(r.Prefix.Length).ContainsAnyExcept(Body));
        token = rule is null ? null : new Secret(rule, trimmed);
        return token is not null;
    }

    /// <summary>
    /// Reads one token per line; blank lines are skipped, and lines that are not a token are
    /// returned by number (never by content, which may be a secret of another shape).
    /// </summary>
    /// <returns>The tokens with their 1-based line numbers, and the numbers of the rejected lines.</returns>
    public static async Task<(IReadOnlyList<(int Line, Secret Token)> Tokens, IReadOnlyList<int> RejectedLines)> ReadLinesAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tokens = new List<(int, Secret)>();
        var rejected = new List<int>();
        int number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryParse(line, out var token))
            {
                tokens.Add((number, token));
            }
            else
            {
                rejected.Add(number);
            }
        }

        return (tokens, rejected);
    }
}
