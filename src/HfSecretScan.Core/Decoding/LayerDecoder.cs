using HfSecretScan.Content;
using HfSecretScan.Detection;

namespace HfSecretScan.Decoding;

/// <summary>
/// Finds tokens under encodings, up to a depth. Candidates come from one vectorized pass over each
/// window (<see cref="CandidateScan"/>: escape pairs, and runs of base64 long enough for a token's
/// line) and a search for the fixed pairs of base64 anchors (<see cref="EncodedAnchors"/>) inside
/// those runs only; a candidate's run (a base64 or hex value) or neighbourhood (character escapes)
/// is decoded, and what it decodes to is searched for tokens and, below the depth, for further
/// encodings. Thread-safe.
/// </summary>
internal sealed class LayerDecoder
{
    /// <summary>The most bytes of one encoded value read and decoded: beyond, a value is not one a person pastes a token into.</summary>
    private const int MaxRunBytes = 4 << 20;

    /// <summary>Bytes read on each side of an escape candidate: a whole token of the longest escapes (<c>&amp;#x5f;</c>).</summary>
    private const int EscapeReach = 320;

    /// <summary>A token this close to the edge of a decoded neighbourhood may be cut off there.</summary>
    private const int EdgeMargin = 8;

    private static readonly LayerDecoder?[] ByDepth = new LayerDecoder?[8];

    [ThreadStatic]
    private static List<int>? t_escapes;

    [ThreadStatic]
    private static List<(int Start, int End)>? t_runs;

    [ThreadStatic]
    private static List<int>? t_base64;

    private readonly int _depth;
    // Made on the first long base64 run: most source trees have none, and a short scan should not pay for the tables.
    private readonly Lazy<PairSearch> _pairs;
    private readonly byte[][] _anchors;

    private LayerDecoder(int depth)
    {
        _depth = depth;
        _pairs = new Lazy<PairSearch>(() => new PairSearch(EncodedAnchors.Base64Pairs(depth)));
        _anchors = [.. (depth >= 2 ? [.. EncodedAnchors.Base64, .. EncodedAnchors.Base64OfBase64] : EncodedAnchors.Base64).Select(System.Text.Encoding.ASCII.GetBytes)];
    }

    /// <summary>The decoder for chains of up to <paramref name="depth"/> encodings; null for 0 (decoding off).</summary>
    public static LayerDecoder? ForDepth(int depth)
    {
        if (depth <= 0)
        {
            return null;
        }

        depth = Math.Min(depth, ByDepth.Length - 1);
        return Volatile.Read(ref ByDepth[depth]) ?? Interlocked.CompareExchange(ref ByDepth[depth], new LayerDecoder(depth), null) ?? ByDepth[depth]!;
    }

    /// <summary>
    /// Appends the encoded tokens whose candidates start in <c>window[from..limit)</c>; a token's
    /// offset is where its outermost encoding is reported. <paramref name="content"/> is read when
    /// a value reaches beyond the window.
    /// </summary>
    public void Find(ReadOnlySpan<byte> window, long windowOffset, int from, int limit, bool windowEndsContent, IScanContent content, List<RawToken> output)
    {
        var escapes = t_escapes ??= [];
        var runs = t_runs ??= [];
        var base64 = t_base64 ??= [];
        escapes.Clear();
        runs.Clear();
        base64.Clear();
        CandidateScan.Instance.FindAll(window, from, limit, windowOffset == 0, windowEndsContent, Base64Run.MinimumWrapWidth, escapes, runs);
        foreach (var (start, end) in runs)
        {
            _pairs.Value.FindAll(window, Math.Max(start, from), Math.Min(end, limit), base64);
        }

        if (escapes.Count == 0 && base64.Count == 0)
        {
            return;
        }

        // Copied: resolving may decode and search nested values on this thread, which reuses the lists.
        int[] escapeCandidates = [.. escapes];
        int[] base64Candidates = [.. base64];
        var resolver = new Resolver(this, window, windowOffset, windowEndsContent, content, output);
        foreach (int at in base64Candidates)
        {
            resolver.ResolveBase64(at, windowOffset + at);
        }

        foreach (int at in escapeCandidates)
        {
            resolver.ResolveEscapePair(at, windowOffset + at);
        }
    }

    /// <summary>Every token in fully decoded bytes: those written as themselves and, below the depth, those encoded again.</summary>
    private static void SearchDecoded(byte[] decoded, int remainingDepth, string encoding, long reportAt, HashSet<(string, string)> seen, List<RawToken> output)
    {
        foreach (var token in TokenMatcher.FindAll(decoded, ByteForm.Ascii))
        {
            if (seen.Add((token.Value, encoding)))
            {
                output.Add(token with { Offset = reportAt, Decoded = [encoding] });
            }
        }

        if (ForDepth(remainingDepth) is not { } inner)
        {
            return;
        }

        var nested = new List<RawToken>();
        inner.Find(decoded, 0, 0, decoded.Length, true, new MemoryContent(decoded), nested);
        foreach (var token in nested)
        {
            string chain = encoding + "," + string.Join(",", token.Decoded);
            if (seen.Add((token.Value, chain)))
            {
                output.Add(token with { Offset = reportAt, Decoded = [encoding, .. token.Decoded] });
            }
        }
    }

    /// <summary>Resolves the candidates of one window, remembering the runs already decoded so that a long value is decoded once.</summary>
    private ref struct Resolver(LayerDecoder decoder, ReadOnlySpan<byte> window, long windowOffset, bool windowEndsContent, IScanContent content, List<RawToken> output)
    {
        private readonly ReadOnlySpan<byte> _window = window;
        private long _base64Until = -1;
        private long _hexUntil = -1;
        private ContentNeighbourhood? _around;
        private List<byte>? _characters;

        /// <summary>An escape pair: an escaped underscore may be hex (<c>5f</c>) or a character escape; <c>#9</c> and a soft line break only the latter.</summary>
        public void ResolveEscapePair(int at, long offset)
        {
            if (_window[at] == '5')
            {
                ResolveHex(at, offset);
            }

            ResolveEscape(at, offset);
        }

        public void ResolveBase64(int at, long offset)
        {
            if (offset < _base64Until)
            {
                return;
            }

            var characters = _characters ??= [];
            if (!Base64Run.TryFind(_window, at, windowOffset == 0, windowEndsContent, characters, out int start, out int end, out int tail))
            {
                var around = _around ??= new ContentNeighbourhood(content);
                int reach = 8192;
                while (true)
                {
                    around.Read(offset, reach, reach);
                    int index = (int)(offset - around.Start);
                    bool whole = reach >= MaxRunBytes / 2;
                    if (Base64Run.TryFind(around.Bytes, index, around.AtContentStart || whole, around.AtContentEnd || whole, characters, out start, out end, out tail))
                    {
                        break;
                    }

                    reach *= 4;
                }

                start = (int)(around.Start + start - windowOffset);
                end = (int)(around.Start + end - windowOffset);
            }

            long runStart = windowOffset + start;
            _base64Until = Math.Max(_base64Until, windowOffset + end);
            var chars = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(characters);
            if (chars.Length < Base64Run.MinimumLength || !ContainsAnchor(chars))
            {
                return;
            }

            var seen = new HashSet<(string, string)>();
            if (tail == 0)
            {
                SearchAlignments(chars, runStart, seen, output);
                return;
            }

            // A short last line may be no part of the value (a YAML key, a shell 'done' below a long
            // unpadded value): read as its tail, it decodes to letters glued to the last token's end,
            // and its characters would name the alphabet. So the value without it first; with it, only
            // the tokens that need it.
            int before = output.Count;
            SearchAlignments(chars[..^tail], runStart, seen, output);
            var found = output.Skip(before).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
            var withTail = new List<RawToken>();
            SearchAlignments(chars, runStart, seen, withTail);
            output.AddRange(withTail.Where(t => !found.Contains(t.Value)));
        }

        /// <summary>Decodes <paramref name="chars"/> at each group alignment: the value may begin with characters that are not its own (a path, a key glued to it).</summary>
        private void SearchAlignments(ReadOnlySpan<byte> chars, long runStart, HashSet<(string, string)> seen, List<RawToken> output)
        {
            string encoding = Base64Run.IsUrlSafe(chars) ? EncodingNames.Base64Url : EncodingNames.Base64;
            for (int shift = 0; shift < 4; shift++)
            {
                SearchDecoded(Base64Run.Decode(chars, shift), decoder._depth - 1, encoding, runStart, seen, output);
            }
        }

        private void ResolveHex(int at, long offset)
        {
            if (offset < _hexUntil)
            {
                return;
            }

            var digits = _characters ??= [];
            if (!HexRun.TryFind(_window, at, windowOffset == 0, windowEndsContent, digits, out int start, out int end))
            {
                var around = _around ??= new ContentNeighbourhood(content);
                int reach = 8192;
                while (true)
                {
                    around.Read(offset, reach, reach);
                    int index = (int)(offset - around.Start);
                    bool whole = reach >= MaxRunBytes / 2;
                    if (HexRun.TryFind(around.Bytes, index, around.AtContentStart || whole, around.AtContentEnd || whole, digits, out start, out end))
                    {
                        break;
                    }

                    reach *= 4;
                }

                start = (int)(around.Start + start - windowOffset);
                end = (int)(around.Start + end - windowOffset);
            }

            _hexUntil = Math.Max(_hexUntil, windowOffset + end);
            var chars = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(digits);
            if (chars.Length < HexRun.MinimumLength)
            {
                return;
            }

            var seen = new HashSet<(string, string)>();
            for (int shift = 0; shift < 2; shift++)
            {
                SearchDecoded(HexRun.Decode(chars, shift), decoder._depth - 1, EncodingNames.Hex, windowOffset + start, seen, output);
            }
        }

        private void ResolveEscape(int at, long offset)
        {
            ReadOnlySpan<byte> bytes;
            int index;
            long bytesStart;
            bool atStart;
            bool atEnd;
            if (at >= EscapeReach && at + EscapeReach <= _window.Length)
            {
                bytes = _window.Slice(at - EscapeReach, 2 * EscapeReach);
                index = EscapeReach;
                bytesStart = offset - EscapeReach;
                atStart = false;
                atEnd = false;
            }
            else
            {
                var around = _around ??= new ContentNeighbourhood(content);
                around.Read(offset, EscapeReach, EscapeReach);
                bytes = around.Bytes;
                index = (int)(offset - around.Start);
                bytesStart = around.Start;
                atStart = around.AtContentStart;
                atEnd = around.AtContentEnd;
            }

            if (CharacterEscapes.SchemeAt(bytes, index) is not { } scheme)
            {
                return;
            }

            var sources = new List<int>();
            var escaped = new List<EscapeState>();
            byte[] decoded = CharacterEscapes.Decode(bytes, scheme, sources, escaped);
            foreach (var token in TokenMatcher.FindAll(decoded, ByteForm.Ascii))
            {
                int s = (int)token.Offset;
                int e = s + token.Rule.Length;
                if ((!atStart && s < EdgeMargin) || (!atEnd && e > decoded.Length - EdgeMargin) || !CharacterEscapes.WasEncoded(escaped, s, e))
                {
                    continue;
                }

                output.Add(token with { Offset = bytesStart + sources[s], Decoded = [scheme] });
            }
        }

        private readonly bool ContainsAnchor(ReadOnlySpan<byte> characters)
        {
            foreach (byte[] anchor in decoder._anchors)
            {
                if (characters.IndexOf(anchor) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
