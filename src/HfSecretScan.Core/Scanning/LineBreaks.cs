using HfSecretScan.Content;

namespace HfSecretScan.Scanning;

/// <summary>
/// The one set of line rules both locators follow: LF, CRLF and a lone CR each end one line, and a
/// CRLF is one line end even when a window or range edge falls between its CR and its LF. Units are
/// bytes for UTF-8 and <see cref="char"/> for UTF-16, whose CR and LF the caller gives in the
/// content's byte order.
/// </summary>
internal static class LineBreaks
{
    /// <summary>Stands for "no unit known after the stretch" where a following unit is asked for.</summary>
    public const int NoneFollowing = -1;

    /// <summary>Index of the first CR or LF in <paramref name="units"/>, or -1.</summary>
    /// <remarks>
    /// Not marked for aggressive optimization, unlike <see cref="LineBreakCount.Count"/>: that would
    /// keep it out of the ReadyToRun image and cost a JIT at start, while the precompiled
    /// IndexOfAny it calls is already the fast code.
    /// </remarks>
    public static int NextEnd<T>(ReadOnlySpan<T> units, T cr, T lf)
        where T : unmanaged, IEquatable<T> => units.IndexOfAny(cr, lf);

    /// <summary>Where the line that goes on at <paramref name="from"/> of a UTF-8 content ends: its CR or LF, or the end of content.</summary>
    public static long FindLineEnd(IScanContent content, long from, byte[] buffer)
    {
        long position = from;
        while (true)
        {
            int read = content.Read(position, buffer);
            int end = NextEnd<byte>(buffer.AsSpan(0, read), (byte)'\r', (byte)'\n');
            if (end >= 0)
            {
                return position + end;
            }

            position += read;
            if (read < buffer.Length)
            {
                return position;
            }
        }
    }

    /// <summary>
    /// Line ends among UTF-8 <paramref name="bytes"/> that a CR starts and no LF follows, from the
    /// first CR at <paramref name="firstCr"/>; <paramref name="following"/> is the byte after the
    /// stretch (<see cref="NoneFollowing"/> when the content ends there). The LF of a CRLF is counted
    /// with the LFs, so a CRLF split by the stretch's end is counted once, by the stretch that holds its LF.
    /// </summary>
    public static long LoneCarriageReturns(ReadOnlySpan<byte> bytes, int firstCr, int following)
    {
        long count = 0;
        for (int i = firstCr; i >= 0 && i < bytes.Length;)
        {
            int after = i + 1 < bytes.Length ? bytes[i + 1] : following;
            if (after != '\n')
            {
                count++;
            }

            int more = bytes[(i + 1)..].IndexOf((byte)'\r');
            i = more < 0 ? -1 : i + 1 + more;
        }

        return count;
    }

    /// <summary>
    /// Index of the byte after which the last line of UTF-8 <paramref name="bytes"/> starts, or -1
    /// when no line ends in them; a CR that ends them while <paramref name="following"/> is an LF
    /// does not count, as its line ends after that LF.
    /// </summary>
    public static int LastEnd(ReadOnlySpan<byte> bytes, int following)
    {
        int last = bytes.LastIndexOfAny((byte)'\r', (byte)'\n');
        if (last == bytes.Length - 1 && bytes[last] == '\r' && following == '\n')
        {
            last = bytes[..last].LastIndexOfAny((byte)'\r', (byte)'\n');
        }

        return last;
    }

    /// <summary>
    /// What a forward pass over windows carries from one window to the next: a CR that ended the
    /// last window, whose LF (if the next window starts with one) belongs to the same line end.
    /// </summary>
    public struct Carry
    {
        private bool _pendingCr;

        /// <summary>Units at the start of a window that finish the line end of the window before: 1 for the LF of a split CRLF, else 0.</summary>
        public int SkipCarried<T>(ReadOnlySpan<T> units, T lf)
            where T : unmanaged, IEquatable<T>
        {
            if (!_pendingCr || units.IsEmpty)
            {
                return 0;
            }

            _pendingCr = false;
            return units[0].Equals(lf) ? 1 : 0;
        }

        /// <summary>
        /// Index of the unit after the line end that starts at <paramref name="end"/> (a CR or LF
        /// found by <see cref="NextEnd"/>): past a CRLF's LF, or carrying a CR that ends the window.
        /// </summary>
        public int Past<T>(ReadOnlySpan<T> units, int end, T cr, T lf)
            where T : unmanaged, IEquatable<T>
        {
            int next = end + 1;
            if (!units[end].Equals(cr))
            {
                return next;
            }

            if (next == units.Length)
            {
                _pendingCr = true;
                return next;
            }

            return units[next].Equals(lf) ? next + 1 : next;
        }
    }
}
