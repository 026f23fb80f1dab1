using System.Runtime.CompilerServices;

namespace HfSecretScan.Detection;

/// <summary>
/// Finds tokens in raw bytes: a vectorized search for each rule's prefix, then validation of each
/// candidate in place. No regular expressions, no decoding, no allocation unless a token is found.
/// </summary>
public static class TokenMatcher
{

    private static readonly PrefixAnchorSearch Anchors = new(TokenRules.All);
    private static readonly byte UserPrefixPenultimate = (byte)TokenRules.UserToken.Prefix[^2];
    private static readonly int MinPrefixLength = TokenRules.All.Min(r => r.Prefix.Length);
    private static readonly int MaxPrefixLength = TokenRules.All.Max(r => r.Prefix.Length);

    /// <summary>
    /// Bytes of context a window must keep before its first candidate so that boundary checks
    /// (a preceding word character, an escaping backslash run) see what they need.
    /// </summary>
    public const int LookbehindBytes = 32;

    /// <summary>
    /// Bytes a window must hold after a candidate's first byte to decide it: the longest token in
    /// UTF-16 plus the following character.
    /// </summary>
    public static int LookaheadBytes { get; } = (TokenRules.MaxLength + 1) * 2;

    /// <summary>
    /// Appends to <paramref name="output"/> every token of every rule, in <paramref name="form"/>,
    /// whose first byte lies in <c>window[from..limit)</c>.
    /// </summary>
    /// <param name="window">Bytes to search.</param>
    /// <param name="windowOffset">Offset of <c>window[0]</c> in the content; 0 means the window starts the content.</param>
    /// <param name="from">First candidate start to consider, relative to the window.</param>
    /// <param name="limit">Candidate starts at or past this index are left to the next window.</param>
    /// <param name="form">Byte layout to search for.</param>
    /// <param name="alignment">For UTF-16 text, the parity (0 or 1) that token offsets must have in the content; -1 for any.</param>
    /// <param name="output">Receives the tokens, ordered by rule then offset.</param>
    /// <param name="binary">
    /// The content is binary: a token whose length is written right before it (pickles, protobuf,
    /// serialized strings) ends there even when a letter follows, such as pickle's memo opcode <c>q</c>.
    /// </param>
    public static void Find(
        ReadOnlySpan<byte> window,
        long windowOffset,
        int from,
        int limit,
        ByteForm form,
        int alignment,
        List<RawToken> output,
        bool binary = false)
    {
        if (form == ByteForm.Ascii)
        {
            FindAscii(window, windowOffset, from, limit, output, binary);
            return;
        }

        foreach (var rule in TokenRules.All)
        {
            FindRule(rule, window, windowOffset, from, limit, form, alignment, output, binary);
        }
    }

    /// <summary>Finds the tokens in a whole buffer (a convenience for small, complete contents).</summary>
    public static List<RawToken> FindAll(ReadOnlySpan<byte> content, ByteForm form)
    {
        var output = new List<RawToken>();
        Find(content, 0, 0, content.Length, form, -1, output);
        output.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
        return output;
    }

    /// <summary>Text, the hot path: one anchor pass for every rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FindAscii(ReadOnlySpan<byte> window, long windowOffset, int from, int limit, List<RawToken> output, bool binary)
    {
        // The anchor is the prefix's last two bytes: a prefix starting before the limit ends before this.
        int searchEnd = Math.Min(window.Length, limit - 1 + MaxPrefixLength);
        int position = from + MinPrefixLength - 2;
        while (position < searchEnd - 1)
        {
            int index = Anchors.IndexOfAnchor(window[position..searchEnd]);
            if (index < 0)
            {
                return;
            }

            int anchor = position + index;
            position = anchor + 1;
            var rule = window[anchor] == UserPrefixPenultimate ? TokenRules.UserToken : TokenRules.OrgToken;
            int start = anchor + 2 - rule.Prefix.Length;
            if (start < from || start >= limit || !window[start..].StartsWith(rule.PrefixUtf8))
            {
                continue;
            }

            if (TryValidate(rule, window, start, ByteForm.Ascii, binary, out string token))
            {
                output.Add(new RawToken(rule, windowOffset + start, ByteForm.Ascii, token));
                position = start + rule.Length;
            }
        }
    }

    private static void FindRule(
        TokenRule rule,
        ReadOnlySpan<byte> window,
        long windowOffset,
        int from,
        int limit,
        ByteForm form,
        int alignment,
        List<RawToken> output,
        bool binary)
    {
        ReadOnlySpan<byte> prefix = rule.PrefixIn(form);
        int searchEnd = Math.Min(window.Length, limit - 1 + prefix.Length);
        int position = from;
        while (position + prefix.Length <= searchEnd)
        {
            int index = window[position..searchEnd].IndexOf(prefix);
            if (index < 0)
            {
                return;
            }

            int start = position + index;
            position = start + 1;
            if (alignment >= 0 && ((windowOffset + start) & 1) != alignment)
            {
                continue;
            }

            if (TryValidate(rule, window, start, form, binary, out string token))
            {
                output.Add(new RawToken(rule, windowOffset + start, form, token));
                position = start + (rule.Length * form.UnitSize());
            }
        }
    }

    private static bool TryValidate(TokenRule rule, ReadOnlySpan<byte> window, int start, ByteForm form, bool binary, out string token)
    {
        token = string.Empty;
        int unit = form.UnitSize();
        if (!IsLeftBoundary(window, start, form))
        {
            return false;
        }

        int bodyStart = start + (rule.Prefix.Length * unit);
        int bodyEnd = bodyStart + (rule.BodyLength * unit);
        if (bodyEnd > window.Length)
        {
            return false;
        }

        Span<char> text = stackalloc char[rule.Length];
        rule.Prefix.CopyTo(text);
        Span<char> body = text[rule.Prefix.Length..];
        if (form == ByteForm.Ascii)
        {
            // A plain loop over 34 bytes: SearchValues' generic searchers are not precompiled
            // (ReadyToRun) for this instantiation, and a short scan spent its start in their tier-0 code.
            var bodyBytes = window[bodyStart..bodyEnd];
            for (int i = 0; i < body.Length; i++)
            {
                char c = (char)bodyBytes[i];
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }

                body[i] = c;
            }
        }
        else
        {
            for (int i = 0; i < body.Length; i++)
            {
                int c = form.AsciiAt(window, bodyStart + (i * unit));
                if (c < 0 || !char.IsAsciiLetterOrDigit((char)c))
                {
                    return false;
                }

                body[i] = (char)c;
            }
        }

        int following = form.AsciiAt(window, bodyEnd);
        if (following >= 0 && IsWordChar(following) && !(binary && IsLengthPrefixed(rule, window, start, form)))
        {
            return false;
        }

        if (PlaceholderFilter.IsPlaceholder(body))
        {
            return false;
        }

        token = new string(text);
        return true;
    }

    /// <summary>
    /// The prefix must not continue an identifier, except that an escape ends the previous word:
    /// a backslash escape such as <c>\n</c>, <c>\t</c> or <c>\u0022</c> in JSON, notebooks and logs,
    /// or a percent-encoded byte such as <c>%3A</c> in URLs.
    /// </summary>
    private static bool IsLeftBoundary(ReadOnlySpan<byte> window, int start, ByteForm form)
    {
        int unit = form.UnitSize();
        int before = start - unit;
        if (before < 0)
        {
            // Windows keep LookbehindBytes of context, so only the start of content gets here.
            return true;
        }

        int c = form.AsciiAt(window, before);
        if (c < 0 || !IsWordChar(c))
        {
            return true;
        }

        if (IsEscapeLetter(c) && IsEscaped(window, before, form))
        {
            return true;
        }

        if (c == 'm' && EndsAnsiColour(window, before, form))
        {
            return true;
        }

        // \uXXXX, \xXX and %XX: hex digits introduced by an escaping character.
        int hexDigits = 0;
        int at = before;
        while (hexDigits < 4 && char.IsAsciiHexDigit((char)Math.Max(0, form.AsciiAt(window, at))))
        {
            hexDigits++;
            at -= unit;
            int introducer = form.AsciiAt(window, at);
            if ((hexDigits == 2 && introducer == '%')
                || (hexDigits == 2 && introducer == 'x' && IsEscaped(window, at, form))
                || (hexDigits == 4 && introducer == 'u' && IsEscaped(window, at, form)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the token's length in bytes sits right before it as one byte (protobuf, pickle's short
    /// strings, the low byte of a big-endian length) or as a 32-bit little-endian integer (pickle).
    /// </summary>
    private static bool IsLengthPrefixed(TokenRule rule, ReadOnlySpan<byte> window, int start, ByteForm form)
    {
        int length = rule.Length * form.UnitSize();
        return (start >= 1 && window[start - 1] == length)
            || (start >= 4 && System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(window[(start - 4)..start]) == length);
    }

    /// <summary>Whether the character at <paramref name="index"/> follows an odd run of backslashes.</summary>
    private static bool IsEscaped(ReadOnlySpan<byte> window, int index, ByteForm form)
    {
        int unit = form.UnitSize();
        int backslashes = 0;
        for (int i = index - unit; i >= 0 && form.AsciiAt(window, i) == '\\'; i -= unit)
        {
            backslashes++;
        }

        return (backslashes & 1) == 1;
    }

    /// <summary>
    /// Whether the <c>m</c> at <paramref name="at"/> ends an ANSI colour sequence such as
    /// <c>ESC[0;31m</c>, which coloured logs put right before values.
    /// </summary>
    private static bool EndsAnsiColour(ReadOnlySpan<byte> window, int at, ByteForm form)
    {
        int unit = form.UnitSize();
        for (int i = at - unit, n = 0; i >= 0 && n < 16; i -= unit, n++)
        {
            int c = form.AsciiAt(window, i);
            if (c == '[')
            {
                return form.AsciiAt(window, i - unit) == 0x1B;
            }

            if (c != ';' && !char.IsAsciiDigit((char)Math.Max(0, c)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsWordChar(int c) => c == '_' || char.IsAsciiLetterOrDigit((char)c);

    private static bool IsEscapeLetter(int c) => c is 'n' or 'r' or 't' or 'b' or 'f' or 'v' or '0' or 'e' or 'a';
}
