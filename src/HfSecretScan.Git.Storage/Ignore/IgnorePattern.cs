using System.Runtime.CompilerServices;
using System.Text;

namespace HfSecretScan.Git.Storage.Ignore;

/// <summary>
/// One line of an ignore file, parsed as git's parse_path_pattern does and matched as its
/// match_basename / match_pathname do. Bytes, not characters: git compares UTF-8 bytes.
/// </summary>
internal sealed class IgnorePattern
{
    private readonly byte[] _body;
    private readonly int _literalPrefix;
    private readonly string _text;

    private IgnorePattern(string text, byte[] body, int literalPrefix, bool negated, bool directoryOnly, bool basenameOnly, bool ignoreCase, string source, int line)
    {
        _text = text;
        _body = body;
        _literalPrefix = literalPrefix;
        Negated = negated;
        DirectoryOnly = directoryOnly;
        BasenameOnly = basenameOnly;
        Options = (basenameOnly ? WildmatchOptions.None : WildmatchOptions.PathName) | (ignoreCase ? WildmatchOptions.CaseFold : WildmatchOptions.None);
        Source = source;
        Line = line;
        Tail = LiteralTail(body, ignoreCase);
    }

    /// <summary>Starts with <c>!</c>: a match re-includes the path.</summary>
    public bool Negated { get; }

    /// <summary>Ends with <c>/</c>: matches folders only.</summary>
    public bool DirectoryOnly { get; }

    /// <summary>Holds no slash (once a trailing one is removed): matched against the last path component, at any depth.</summary>
    public bool BasenameOnly { get; }

    /// <summary>The file the pattern came from, for explanations.</summary>
    public string Source { get; }

    /// <summary>1-based line in <see cref="Source"/>.</summary>
    public int Line { get; }

    /// <summary>Position in its file: among matching patterns of one file the last one wins.</summary>
    public int Index { get; init; }

    /// <summary>
    /// For a basename pattern, the whole name it matches when it has no wildcard; for a path pattern
    /// without wildcard, the whole path relative to the ignore file's folder; otherwise null.
    /// Lower-cased under core.ignoreCase.
    /// </summary>
    public byte[]? Literal { get; private init; }

    /// <summary>For <c>*.ext</c> (one dot, no wildcard after the star) the extension with its dot, lower-cased under core.ignoreCase; otherwise null.</summary>
    public byte[]? Extension { get; private init; }

    /// <summary>The literal bytes every match ends with (possibly none); a cheap test before wildmatch.</summary>
    public byte[] Tail { get; }

    private WildmatchOptions Options { get; }

    /// <summary>
    /// Parses one line (no line end, trailing spaces already trimmed, not a comment). Null for a line
    /// that can match nothing (empty).
    /// </summary>
    public static IgnorePattern? Parse(ReadOnlySpan<byte> line, bool ignoreCase, string source, int lineNumber, int index)
    {
        string text = Encoding.UTF8.GetString(line);
        bool negated = line.Length > 0 && line[0] == '!';
        if (negated)
        {
            line = line[1..];
        }

        bool directoryOnly = line.Length > 0 && line[^1] == '/';
        if (directoryOnly)
        {
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            return null;
        }

        bool basenameOnly = !line.Contains((byte)'/');
        int noWildcard = line.IndexOfAny("*?[\\"u8);
        bool literal = noWildcard < 0;
        noWildcard = literal ? line.Length : noWildcard;
        bool endsWith = line[0] == '*' && !line[1..].ContainsAny("*?[\\"u8);

        // match_pathname drops a leading slash (the pattern is anchored either way) and its literal prefix with it.
        byte[] body = (basenameOnly || line[0] != '/' ? line : line[1..]).ToArray();
        int literalPrefix = basenameOnly ? 0 : noWildcard - (line[0] == '/' ? 1 : 0);
        if (ignoreCase)
        {
            // The literal prefix is compared with strncasecmp in git; the rest goes through wildmatch's own folding.
            Fold(body.AsSpan(0, literalPrefix));
        }

        return new IgnorePattern(text, body, literalPrefix, negated, directoryOnly, basenameOnly, ignoreCase, source, lineNumber)
        {
            Index = index,
            Literal = literal ? Folded(body, ignoreCase) : null,
            Extension = basenameOnly && endsWith && body.Length > 1 && body[1] == '.' && !body.AsSpan(2).Contains((byte)'.')
                ? Folded(body.AsSpan(1), ignoreCase)
                : null,
        };
    }

    /// <summary>
    /// Whether the pattern matches. <paramref name="path"/> is relative to the ignore file's folder and
    /// lower-cased under core.ignoreCase; its last component starts at <paramref name="nameStart"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Matches(ReadOnlySpan<byte> path, int nameStart, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (BasenameOnly)
        {
            return Wildmatch.IsMatch(_body, path[nameStart..], Options);
        }

        // git compares the literal prefix first and hands only the rest to wildmatch, so a "**"
        // right after the prefix counts as starting the pattern.
        if (_literalPrefix > path.Length || !path[.._literalPrefix].SequenceEqual(_body.AsSpan(0, _literalPrefix)))
        {
            return false;
        }

        return Wildmatch.IsMatch(_body.AsSpan(_literalPrefix), path[_literalPrefix..], Options);
    }

    /// <summary>The pattern as written in its file (without the line end), for explanations.</summary>
    public override string ToString() => _text;

    /// <summary>Lower-cases ASCII letters in place, as git folds case.</summary>
    public static void Fold(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Wildmatch.ToLower(bytes[i]);
        }
    }

    private static byte[] Folded(ReadOnlySpan<byte> bytes, bool ignoreCase)
    {
        byte[] copy = bytes.ToArray();
        if (ignoreCase)
        {
            Fold(copy);
        }

        return copy;
    }

    // Stops at anything that is not plainly literal, and at a slash ("**/" may match nothing, slash
    // included). Folding may make the tail accept more than wildmatch does (an escaped capital), never less.
    private static byte[] LiteralTail(byte[] body, bool ignoreCase)
    {
        int start = body.Length;
        while (start > 0 && !Wildmatch.IsSpecial(body[start - 1]) && body[start - 1] is not (byte)']' and not (byte)'/')
        {
            start--;
        }

        return Folded(body.AsSpan(start), ignoreCase);
    }
}
