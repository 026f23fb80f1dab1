using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Suppression;

namespace HfSecretScan.Scanning;

/// <summary>
/// Locates the tokens of a large UTF-8 content in one pass split into ranges on several cores:
/// each range counts its line ends, notes where its last line starts and its last non-ASCII byte,
/// and finds <c>hf-scan:allow</c> markers; a short sequential step then joins the ranges. A column
/// is the byte distance to the line start when that stretch is ASCII, and is decoded only
/// otherwise. Line ends are those of <see cref="LineBreaks"/>, as in <see cref="LineLocator"/>.
/// </summary>
internal static class RangedLineLocator
{
    public static LocatedToken[] Locate(
        IRandomAccessContent content, ContentKind kind, List<RawToken> found, LargeContentPolicy policy, int bufferSize)
    {
        long start = kind.PreambleLength;
        byte[] buffer = new byte[bufferSize];
        var last = found[^1];
        long extent = LineBreaks.FindLineEnd(content, last.Offset + last.ByteLength, buffer);
        int rangeCount = (int)Math.Max(1, (extent - start + policy.RangeSize - 1) / policy.RangeSize);
        var ranges = ParallelRanges.Map(
            rangeCount,
            policy.Workers,
            bufferSize,
            (range, rangeBuffer) =>
            {
                long from = start + ((long)range * policy.RangeSize);
                return Summarize(content, found, from, Math.Min(extent, from + policy.RangeSize), rangeBuffer);
            });

        // Join the ranges: what each one counted is relative to its own start.
        var tokens = new LocatedToken[found.Count];
        var markerLines = new HashSet<long>();
        var lines = new long[found.Count];
        var before = new Stretch { LastLineStart = start, LastNonAscii = -1 };
        int next = 0;
        foreach (var range in ranges)
        {
            foreach (var cut in range.Markers)
            {
                markerLines.Add(before.Then(cut).Breaks);
            }

            foreach (var cut in range.Tokens)
            {
                var upTo = before.Then(cut);
                var token = found[next];
                long column = upTo.LastNonAscii >= upTo.LastLineStart
                    ? Columns(content, upTo.LastLineStart, token.Offset, buffer)
                    : token.Offset - upTo.LastLineStart;
                lines[next] = upTo.Breaks;
                tokens[next] = new LocatedToken(token, Clamp(upTo.Breaks + 1), Clamp(column + 1), false);
                next++;
            }

            before = before.Then(range.Total);
        }

        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = tokens[i] with { Allowed = markerLines.Contains(lines[i]) };
        }

        return tokens;
    }

    private static int Clamp(long value) => (int)Math.Min(int.MaxValue, value);

    /// <summary>UTF-16 code units that the bytes <c>[lineStart, offset)</c> decode to.</summary>
    private static long Columns(IScanContent content, long lineStart, long offset, byte[] buffer)
    {
        var counter = new ColumnCounter(ContentEncoding.Utf8);
        long units = 0;
        for (long position = lineStart; position < offset;)
        {
            int want = (int)Math.Min(buffer.Length, offset - position);
            int read = content.Read(position, buffer.AsSpan(0, want));
            if (read == 0)
            {
                break;
            }

            position += read;
            units += counter.Count(buffer.AsSpan(0, read), flush: position >= offset);
        }

        return units;
    }

    private static RangeSummary Summarize(IScanContent content, List<RawToken> found, long from, long to, byte[] buffer)
    {
        int overlap = AllowComment.Overlap(ContentEncoding.Utf8);
        var summary = new RangeSummary();
        int token = FirstAtOrAfter(found, from);
        // Windows read past their end: the byte after a CR, and the rest of a marker that starts inside.
        int step = buffer.Length - overlap - 1;
        var stretch = new Stretch { LastLineStart = -1, LastNonAscii = -1 };
        for (long position = from; position < to;)
        {
            long stop = Math.Min(to, position + step);
            int read = content.Read(position, buffer.AsSpan(0, (int)(stop - position) + overlap));
            var bytes = buffer.AsSpan(0, read);
            int own = (int)Math.Min(read, stop - position);
            int done = 0;
            int markerAt = NextMarker(bytes, 0, own);
            while (true)
            {
                long tokenOffset = token < found.Count ? found[token].Offset : long.MaxValue;
                int tokenAt = tokenOffset < position + own ? (int)(tokenOffset - position) : int.MaxValue;
                int cut = Math.Min(tokenAt, markerAt);
                if (cut == int.MaxValue)
                {
                    break;
                }

                stretch.Add(bytes, done, cut, position);
                done = cut;
                if (cut == tokenAt)
                {
                    summary.Tokens.Add(stretch);
                    token++;
                }
                else
                {
                    summary.Markers.Add(stretch);
                    markerAt = NextMarker(bytes, cut + 1, own);
                }
            }

            stretch.Add(bytes, done, own, position);
            if (own < stop - position)
            {
                break;
            }

            position = stop;
        }

        summary.Total = stretch;
        return summary;
    }

    private static int NextMarker(ReadOnlySpan<byte> bytes, int from, int own)
    {
        int index = AllowComment.Find(bytes, from, own, ContentEncoding.Utf8);
        return index >= 0 ? index : int.MaxValue;
    }

    private static int FirstAtOrAfter(List<RawToken> found, long offset)
    {
        int low = 0, high = found.Count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (found[mid].Offset < offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>What a range found, each cut counted from the range's start.</summary>
    private sealed class RangeSummary
    {
        public List<Stretch> Tokens { get; } = [];

        public List<Stretch> Markers { get; } = [];

        public Stretch Total { get; set; }
    }

    /// <summary>
    /// A stretch of bytes: the line ends in it, where its last line starts (-1 when it has no line
    /// end) and its last non-ASCII byte after that line start (-1 when none).
    /// </summary>
    private struct Stretch
    {

        public long Breaks;
        public long LastLineStart;
        public long LastNonAscii;

        /// <summary>This stretch followed by <paramref name="next"/>.</summary>
        public readonly Stretch Then(Stretch next) => new()
        {
            Breaks = Breaks + next.Breaks,
            LastLineStart = next.LastLineStart >= 0 ? next.LastLineStart : LastLineStart,
            LastNonAscii = Math.Max(LastNonAscii, next.LastNonAscii),
        };

        /// <summary>Extends the stretch by <c>window[from..to)</c>, the window starting at <paramref name="windowOffset"/>.</summary>
        public void Add(ReadOnlySpan<byte> window, int from, int to, long windowOffset)
        {
            if (from >= to)
            {
                return;
            }

            var bytes = window[from..to];
            // One pass settles the common long ASCII line: no CR, no line start, no non-ASCII byte.
            // (The range test also stops at tabs, which then take the long way.)
            Breaks += LineBreakCount.Count(bytes, out bool plain);
            if (plain)
            {
                return;
            }

            int following = to < window.Length ? window[to] : LineBreaks.NoneFollowing;
            int cr = bytes.IndexOf((byte)'\r');
            if (cr >= 0)
            {
                Breaks += LineBreaks.LoneCarriageReturns(bytes, cr, following);
            }

            int lastBreak = LineBreaks.LastEnd(bytes, following);
            if (lastBreak >= 0)
            {
                LastLineStart = windowOffset + from + lastBreak + 1;
            }

            // Only the last line matters: a non-ASCII byte before it is before any later token's line.
            int nonAscii = bytes[(lastBreak + 1)..].LastIndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (nonAscii >= 0)
            {
                LastNonAscii = windowOffset + from + lastBreak + 1 + nonAscii;
            }
        }
    }
}
