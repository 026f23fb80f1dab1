using HfSecretScan.Containers;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Detection;
using HfSecretScan.Suppression;

namespace HfSecretScan.Scanning;

/// <summary>
/// Scans one content at a time in fixed-size windows that overlap by the longest token, so a
/// token across a window edge is found and memory stays bounded whatever the size. A large
/// content of known length is split into ranges searched on all cores. Not thread-safe: it owns
/// a reusable buffer; use one per worker.
/// </summary>
public sealed class ContentScanner
{
    /// <summary>Default bytes read per window.</summary>
    public const int DefaultWindowSize = 1 << 20;

    private readonly byte[] _buffer;
    private readonly LargeContentPolicy _large;
    private readonly LayerOptions _layers;

    // Members are read in smaller windows: most are small, and each nesting level keeps its own buffers.
    private const int MemberWindowSize = 256 * 1024;

    private ContentScanner? _members;
    private readonly List<RawToken> _found = [];

    /// <summary>Creates a scanner with the default layers whose windows read <paramref name="windowSize"/> new bytes each.</summary>
    public ContentScanner(int windowSize = DefaultWindowSize)
        : this(LayerOptions.Default, windowSize)
    {
    }

    /// <summary>Creates a scanner that decodes and opens containers as <paramref name="layers"/> says.</summary>
    public ContentScanner(LayerOptions layers, int windowSize = DefaultWindowSize)
        : this(windowSize, LargeContentPolicy.Default, layers)
    {
    }

    internal ContentScanner(int windowSize, LargeContentPolicy large, LayerOptions? layers = null)
    {
        _layers = layers ?? LayerOptions.Default;
        // Large enough for the sniffed head, the carried-over context and one marker search.
        _buffer = new byte[Math.Max(windowSize, ContentKind.SniffLength) + WindowSearch.Context];
        _large = large;
    }

    /// <summary>Finds every token in <paramref name="content"/> and in the containers it is, located and checked for allow comments.</summary>
    public ContentScan Scan(IScanContent content) => Scan(content, null);

    /// <summary>Scans <paramref name="content"/>; <paramref name="budget"/> is the outer file's when the content is a member.</summary>
    private ContentScan Scan(IScanContent content, ContainerBudget? budget)
    {
        _found.Clear();
        int filled = content.Read(0, _buffer);
        var kind = ContentKind.Sniff(_buffer.AsSpan(0, filled));
        var container = ContainerSniffer.Sniff(_buffer.AsSpan(0, Math.Min(filled, ContainerSniffer.HeadLength)));
        var search = new WindowSearch(kind, content, _layers.MaxDecodeDepth);
        bool endOfContent = filled < _buffer.Length;
        int limit = endOfContent ? filled : filled - TokenMatcher.LookaheadBytes;
        search.Find(_buffer.AsSpan(0, filled), 0, kind.PreambleLength, limit, endOfContent, _found);

        long length = filled;
        bool split = false;
        if (!endOfContent)
        {
            split = content is IRandomAccessContent sized && _large.Applies(sized);
            length = split
                ? SearchRanges((IRandomAccessContent)content, search, limit)
                : search.Search(content, _buffer, limit, long.MaxValue, _found);
        }

        LocatedToken[] tokens = [];
        if (_found.Count > 0)
        {
            _found.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
            RemoveRepeats(_found);
            tokens = Locate(content, kind, split);
        }

        if (container == ContainerFormat.None)
        {
            return new ContentScan(kind, length, tokens);
        }

        return WithMembers(new ContentScan(kind, length, tokens), content, container, budget);
    }

    /// <summary>
    /// Adds what the members of a container hold. A token found in a member is reported there only,
    /// not again where the container's raw bytes show it (a stored zip member, say).
    /// </summary>
    private ContentScan WithMembers(ContentScan scan, IScanContent content, ContainerFormat container, ContainerBudget? budget)
    {
        if (_layers.MaxArchiveDepth == 0)
        {
            // Off altogether, or this member sits deeper than the limit: only the latter is news.
            return budget is null ? scan : scan with
            {
                Problems = [new ContainerProblem(null, ProblemKind.Limit, $"A {container.ToString().ToLowerInvariant()} nested deeper than the archive depth limit (maxArchiveDepth): not opened.")],
            };
        }

        var ownBudget = budget ?? new ContainerBudget(_layers.Limits);
        _members ??= new ContentScanner(MemberWindowSize, LargeContentPolicy.Default, _layers with { MaxArchiveDepth = _layers.MaxArchiveDepth - 1 });
        var opener = new ContainerOpener(ownBudget, member => _members.Scan(member, ownBudget), MemberWindowSize * 2);
        opener.Open(content, container);

        var inMembers = opener.Tokens.Select(t => t.Token.Value).ToHashSet(StringComparer.Ordinal);
        List<ContainerProblem> problems = [.. opener.Problems];
        if (budget is null && ownBudget.Tripped is { } reason)
        {
            problems.Add(new ContainerProblem(null, ProblemKind.Limit, $"Archive scan stopped: {reason}; what follows was not scanned."));
        }

        return scan with
        {
            Tokens = [.. scan.Tokens.Where(t => !inMembers.Contains(t.Token.Value)), .. opener.Tokens],
            Problems = problems,
        };
    }

    /// <summary>Searches <c>[start, end of content)</c> in ranges on several threads; returns the length.</summary>
    private long SearchRanges(IRandomAccessContent content, WindowSearch search, long start)
    {
        int ranges = RangeCount(content.Length - start);
        var found = ParallelRanges.Map(
            ranges,
            _large.Workers,
            _buffer.Length,
            (range, buffer) =>
            {
                var tokens = new List<RawToken>();
                long from = start + ((long)range * _large.RangeSize);
                // The last range runs to wherever the content ends, should it have grown.
                long to = range == ranges - 1 ? long.MaxValue : from + _large.RangeSize;
                return (Tokens: tokens, End: search.Search(content, buffer, from, to, tokens));
            });

        long length = start;
        foreach (var (tokens, end) in found)
        {
            _found.AddRange(tokens);
            length = Math.Max(length, end);
        }

        return length;
    }

    /// <summary>
    /// Drops a decoded token found again at the same place: a value that spans two windows (or
    /// ranges) is decoded in each.
    /// </summary>
    private static void RemoveRepeats(List<RawToken> sorted)
    {
        int kept = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            var token = sorted[i];
            bool repeat = false;
            for (int k = kept - 1; k >= 0 && sorted[k].Offset == token.Offset; k--)
            {
                if (sorted[k].Value == token.Value && sorted[k].Decoded.SequenceEqual(token.Decoded))
                {
                    repeat = true;
                    break;
                }
            }

            if (!repeat)
            {
                sorted[kept++] = token;
            }
        }

        sorted.RemoveRange(kept, sorted.Count - kept);
    }

    private int RangeCount(long bytes) => (int)Math.Max(1, (bytes + _large.RangeSize - 1) / _large.RangeSize);

    private LocatedToken[] Locate(IScanContent content, ContentKind kind, bool split)
    {
        var tokens = new LocatedToken[_found.Count];
        if (!kind.IsText)
        {
            for (int i = 0; i < tokens.Length; i++)
            {
                tokens[i] = new LocatedToken(_found[i], 0, 0, false);
            }

            return tokens;
        }

        if (split && kind.Encoding == ContentEncoding.Utf8)
        {
            return RangedLineLocator.Locate((IRandomAccessContent)content, kind, _found, _large, _buffer.Length);
        }

        var offsets = new long[_found.Count];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = _found[i].Offset;
        }

        var positions = LineLocator.Locate(content, kind, offsets, _buffer);
        bool allowed = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            var p = positions[i];
            if (i == 0 || p.LineStart != positions[i - 1].LineStart)
            {
                allowed = AllowComment.IsOnLine(content, kind.Encoding, p.LineStart, p.LineEnd, _buffer);
            }

            tokens[i] = new LocatedToken(_found[i], p.Line, p.Column, allowed);
        }

        return tokens;
    }
}
