namespace HfSecretScan.Git.Storage.Ignore;

/// <summary>
/// Splits an ignore file into patterns the way git's add_patterns_from_buffer does: a UTF-8 byte
/// order mark is skipped, lines end at LF, a CR right before the LF is dropped (so CRLF files work
/// as on any platform), blank lines and lines starting with <c>#</c> are skipped, and trailing
/// spaces are trimmed unless escaped with a backslash. Bytes are taken as they are: a file that is
/// not UTF-8 still parses, its patterns simply match the paths with the same bytes.
/// </summary>
internal static class IgnoreFileParser
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The patterns of <paramref name="content"/>, in file order.</summary>
    public static List<IgnorePattern> Parse(ReadOnlySpan<byte> content, bool ignoreCase, string source)
    {
        var patterns = new List<IgnorePattern>();
        if (content.StartsWith(Utf8ByteOrderMark))
        {
            content = content[3..];
        }

        int lineNumber = 0;
        while (!content.IsEmpty)
        {
            lineNumber++;
            int end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? default : content[(end + 1)..];
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (IgnorePattern.Parse(TrimTrailingSpaces(line), ignoreCase, source, lineNumber, patterns.Count) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return patterns;
    }

    /// <summary>git's trim_trailing_spaces: only spaces (not tabs), and a backslash protects the byte after it.</summary>
    private static ReadOnlySpan<byte> TrimTrailingSpaces(ReadOnlySpan<byte> line)
    {
        int lastSpace = -1;
        for (int i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case (byte)' ':
                    if (lastSpace < 0)
                    {
                        lastSpace = i;
                    }

                    break;
                case (byte)'\\':
                    if (++i == line.Length)
                    {
                        return line;
                    }

                    lastSpace = -1;
                    break;
                default:
                    lastSpace = -1;
                    break;
            }
        }

        return lastSpace < 0 ? line : line[..lastSpace];
    }
}
