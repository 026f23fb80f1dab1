using System.Buffers;
using System.Runtime.CompilerServices;

namespace HfSecretScan.Git.Storage.Ignore;

/// <summary>How <see cref="Wildmatch"/> treats slashes and letter case.</summary>
[Flags]
internal enum WildmatchOptions
{
    /// <summary>Case-sensitive; <c>*</c> and <c>?</c> match slashes.</summary>
    None = 0,

    /// <summary>ASCII letters match either case (core.ignoreCase). The caller passes text already lower-cased.</summary>
    CaseFold = 1,

    /// <summary><c>*</c>, <c>?</c> and classes do not match a slash; <c>**</c> between slashes matches any folders.</summary>
    PathName = 2,
}

/// <summary>
/// git's wildmatch (wildmatch.c) over UTF-8 bytes, so that <c>?</c>, classes and ranges see bytes
/// exactly as git does. Kept line for line close to the C original, including its quirks (an
/// escaped letter is not case-folded; <c>**</c> at the start of the matched pattern counts as
/// following a slash), because the differential tests compare against git itself.
/// Unlike git, the time is bounded: a match is a pure function of (pattern position, text
/// position), so once a match has recursed more than a few times every such result is remembered,
/// and patterns such as <c>**/**/**/a*b*c*d*e*f*g*h*i*j*</c> over a deep path take polynomial
/// time instead of exponential.
/// </summary>
internal static class Wildmatch
{
    private const int Match = 0;
    private const int NoMatch = 1;
    private const int AbortAll = -1;
    private const int AbortToStarStar = -2;
    private const sbyte Unknown = sbyte.MinValue;

    // Ordinary patterns (*.py, build/**) recurse a handful of times and never pay for the table.
    private const int CallsBeforeMemo = 64;

    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> text, WildmatchOptions options)
    {
        var memo = default(Memo);
        try
        {
            return DoWild(pattern, 0, text, 0, options, ref memo) == Match;
        }
        finally
        {
            if (memo.Results is { } results)
            {
                ArrayPool<sbyte>.Shared.Return(results);
            }
        }
    }

    /// <summary>Whether a byte has a meaning of its own in a pattern (git's is_glob_special).</summary>
    public static bool IsSpecial(byte c) => c is (byte)'*' or (byte)'?' or (byte)'[' or (byte)'\\';

    /// <summary>ASCII-only lower case, as git folds case.</summary>
    public static byte ToLower(byte c) => IsUpper(c) ? (byte)(c | 0x20) : c;

    private static bool IsUpper(byte c) => c is >= (byte)'A' and <= (byte)'Z';

    private static bool IsLower(byte c) => c is >= (byte)'a' and <= (byte)'z';

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    // C strings end in NUL; spans end at their length. Neither a pattern nor a path holds a NUL byte.
    private static byte At(ReadOnlySpan<byte> s, int i) => (uint)i < (uint)s.Length ? s[i] : (byte)0;

    /// <summary>A recursive match of the pattern from <paramref name="p"/> against the text from <paramref name="t"/>, remembered once matches recurse a lot.</summary>
    private static int Recurse(ReadOnlySpan<byte> pat, int p, ReadOnlySpan<byte> text, int t, WildmatchOptions options, ref Memo memo)
    {
        if (++memo.Calls <= CallsBeforeMemo)
        {
            return DoWild(pat, p, text, t, options, ref memo);
        }

        int width = text.Length + 1;
        if (memo.Results is null)
        {
            int cells = (pat.Length + 1) * width;
            memo.Results = ArrayPool<sbyte>.Shared.Rent(cells);
            memo.Results.AsSpan(0, cells).Fill(Unknown);
        }

        // Set once, never replaced by the recursion below.
        sbyte[] results = memo.Results;
        int key = (p * width) + t;
        if (results[key] != Unknown)
        {
            return results[key];
        }

        int result = DoWild(pat, p, text, t, options, ref memo);
        results[key] = (sbyte)result;
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DoWild(ReadOnlySpan<byte> pat, int p, ReadOnlySpan<byte> text, int t, WildmatchOptions options, ref Memo memo)
    {
        bool fold = (options & WildmatchOptions.CaseFold) != 0;
        bool pathName = (options & WildmatchOptions.PathName) != 0;
        int start = p;
        for (; p < pat.Length; t++, p++)
        {
            byte pCh = pat[p];
            byte tCh = At(text, t);
            if (tCh == 0 && pCh != '*')
            {
                return AbortAll;
            }

            if (fold)
            {
                tCh = ToLower(tCh);
                pCh = ToLower(pCh);
            }

            switch (pCh)
            {
                case (byte)'\\':
                    // Literal match with the next byte; a trailing backslash matches nothing.
                    pCh = At(pat, ++p);
                    if (tCh != pCh)
                    {
                        return NoMatch;
                    }

                    continue;
                case (byte)'?':
                    if (pathName && tCh == '/')
                    {
                        return NoMatch;
                    }

                    continue;
                case (byte)'*':
                    {
                        int result = Star(pat, ref p, text, ref t, tCh, start, options, fold, pathName, ref memo, out bool consumedToSlash);
                        if (!consumedToSlash)
                        {
                            return result;
                        }

                        // "*/" under PathName: the star took the next folder name; the loop consumes the slash.
                        break;
                    }

                case (byte)'[':
                    if (!MatchClass(pat, ref p, tCh, fold, out bool classMatched))
                    {
                        return AbortAll;
                    }

                    if (!classMatched || (pathName && tCh == '/'))
                    {
                        return NoMatch;
                    }

                    continue;
                default:
                    if (tCh != pCh)
                    {
                        return NoMatch;
                    }

                    continue;
            }
        }

        return t < text.Length ? NoMatch : Match;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Star(
        ReadOnlySpan<byte> pat, ref int p, ReadOnlySpan<byte> text, ref int t, byte tCh, int start,
        WildmatchOptions options, bool fold, bool pathName, ref Memo memo, out bool consumedToSlash)
    {
        consumedToSlash = false;
        bool matchSlash;
        if (At(pat, ++p) == '*')
        {
            int prevP = p - 2;
            while (At(pat, ++p) == '*')
            {
            }

            byte next = At(pat, p);
            if ((prevP < start || pat[prevP] == '/') && (next == 0 || next == '/' || (next == '\\' && At(pat, p + 1) == '/')))
            {
                // "**/" may match no folder at all: try the rest of the pattern right here first.
                if (next == '/' && Recurse(pat, p + 1, text, t, options, ref memo) == Match)
                {
                    return Match;
                }

                matchSlash = true;
            }
            else
            {
                matchSlash = false;
            }
        }
        else
        {
            // Without PathName, '*' is the same as '**'.
            matchSlash = !pathName;
        }

        if (At(pat, p) == 0)
        {
            // A trailing "**" matches everything; a trailing "*" only when no slash follows.
            return !matchSlash && text[t..].Contains((byte)'/') ? NoMatch : Match;
        }

        if (!matchSlash && pat[p] == '/')
        {
            int slash = text[t..].IndexOf((byte)'/');
            if (slash < 0)
            {
                return NoMatch;
            }

            t += slash;
            consumedToSlash = true;
            return Match;
        }

        while (true)
        {
            if (tCh == 0)
            {
                break;
            }

            // Skip ahead to the next place the literal after the star can match; with
            // !matchSlash never past a slash, which the star cannot take.
            if (!IsSpecial(At(pat, p)))
            {
                byte pCh = At(pat, p);
                if (fold)
                {
                    pCh = ToLower(pCh);
                }

                while ((tCh = At(text, t)) != 0 && (matchSlash || tCh != '/'))
                {
                    if (fold)
                    {
                        tCh = ToLower(tCh);
                    }

                    if (tCh == pCh)
                    {
                        break;
                    }

                    t++;
                }

                if (tCh != pCh)
                {
                    return matchSlash ? AbortAll : AbortToStarStar;
                }
            }

            int matched = Recurse(pat, p, text, t, options, ref memo);
            if (matched != NoMatch)
            {
                if (!matchSlash || matched != AbortToStarStar)
                {
                    return matched;
                }
            }
            else if (!matchSlash && tCh == '/')
            {
                return AbortToStarStar;
            }

            tCh = At(text, ++t);
        }

        return AbortAll;
    }

    /// <summary>
    /// Matches one byte against the class starting at <c>pat[p] == '['</c>; leaves <paramref name="p"/>
    /// on the closing bracket. False when the class is malformed (git then aborts the whole match).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MatchClass(ReadOnlySpan<byte> pat, ref int p, byte tCh, bool fold, out bool matched)
    {
        matched = false;
        byte pCh = At(pat, ++p);
        if (pCh == '^')
        {
            pCh = (byte)'!';
        }

        bool negated = pCh == '!';
        if (negated)
        {
            pCh = At(pat, ++p);
        }

        byte prevCh = 0;
        do
        {
            if (pCh == 0)
            {
                return false;
            }

            if (pCh == '\\')
            {
                pCh = At(pat, ++p);
                if (pCh == 0)
                {
                    return false;
                }

                if (tCh == pCh)
                {
                    matched = true;
                }
            }
            else if (pCh == '-' && prevCh != 0 && At(pat, p + 1) != 0 && At(pat, p + 1) != ']')
            {
                pCh = At(pat, ++p);
                if (pCh == '\\')
                {
                    pCh = At(pat, ++p);
                    if (pCh == 0)
                    {
                        return false;
                    }
                }

                if (tCh <= pCh && tCh >= prevCh)
                {
                    matched = true;
                }
                else if (fold && IsLower(tCh))
                {
                    byte upper = (byte)(tCh & ~0x20);
                    if (upper <= pCh && upper >= prevCh)
                    {
                        matched = true;
                    }
                }

                pCh = 0; // A range cannot start where one ended.
            }
            else if (pCh == '[' && At(pat, p + 1) == ':')
            {
                int s = p += 2;
                while ((pCh = At(pat, p)) != 0 && pCh != ']')
                {
                    p++;
                }

                if (pCh == 0)
                {
                    return false;
                }

                int length = p - s - 1;
                if (length < 0 || pat[p - 1] != ':')
                {
                    // No ":]": the '[' was an ordinary member.
                    p = s - 2;
                    pCh = (byte)'[';
                    if (tCh == pCh)
                    {
                        matched = true;
                    }

                    continue;
                }

                if (!NamedClass(pat.Slice(s, length), tCh, fold, out bool inClass))
                {
                    return false;
                }

                matched |= inClass;
                pCh = 0;
            }
            else if (tCh == pCh)
            {
                matched = true;
            }
        }
        while (NextClassByte(pat, ref p, ref pCh, ref prevCh) != ']');

        matched = matched != negated;
        return true;
    }

    private static byte NextClassByte(ReadOnlySpan<byte> pat, ref int p, ref byte pCh, ref byte prevCh)
    {
        prevCh = pCh;
        pCh = At(pat, ++p);
        return pCh;
    }

    /// <summary>POSIX classes, ASCII only as in git's sane ctype. False for an unknown class name.</summary>
    private static bool NamedClass(ReadOnlySpan<byte> name, byte c, bool fold, out bool inClass)
    {
        bool alpha = IsUpper(c) || IsLower(c);
        bool? member = System.Text.Encoding.ASCII.GetString(name) switch
        {
            "alnum" => alpha || IsDigit(c),
            "alpha" => alpha,
            "blank" => c is (byte)' ' or (byte)'\t',
            "cntrl" => c < 0x20 || c == 0x7f,
            "digit" => IsDigit(c),
            "graph" => c is > 0x20 and < 0x7f,
            "lower" => IsLower(c),
            "print" => c is >= 0x20 and < 0x7f,
            "punct" => c is > 0x20 and < 0x7f && !alpha && !IsDigit(c),
            "space" => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r',
            "upper" => IsUpper(c) || (fold && IsLower(c)),
            "xdigit" => IsDigit(c) || c is >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F',
            _ => null,
        };
        inClass = member ?? false;
        return member is not null;
    }

    /// <summary>The results of recursive matches by (pattern position, text position), kept once a match recurses past <see cref="CallsBeforeMemo"/>.</summary>
    private struct Memo
    {
        public int Calls;
        public sbyte[]? Results;
    }
}
