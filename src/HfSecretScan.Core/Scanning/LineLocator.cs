using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HfSecretScan.Content;

namespace HfSecretScan.Scanning;

/// <summary>
/// Turns token byte offsets into lines and columns with one forward pass that stops at the last
/// token's line. Runs only when a content has tokens, so the search itself never looks at lines.
/// Line ends are those of <see cref="LineBreaks"/>.
/// </summary>
internal static class LineLocator
{
    /// <summary>Where one token's line lies and where the token sits on it.</summary>
    public struct Position
    {
        public int Line;
        public int Column;
        public long LineStart;
        public long LineEnd;
    }

    public static Position[] Locate(IScanContent content, ContentKind kind, IReadOnlyList<long> offsets, byte[] buffer)
    {
        var positions = new Position[offsets.Count];
        if (offsets.Count == 0)
        {
            return positions;
        }

        return kind.Encoding switch
        {
            ContentEncoding.Utf8 => Locate<byte>(content, kind, offsets, buffer, positions, (byte)'\r', (byte)'\n'),
            ContentEncoding.Utf16LE => Locate<char>(content, kind, offsets, buffer, positions, '\r', '\n'),
            ContentEncoding.Utf16BE => Locate<char>(content, kind, offsets, buffer, positions, '\u0D00', '\u0A00'),
            _ => throw new InvalidOperationException("Binary content has no lines."),
        };
    }

    private static Position[] Locate<T>(
        IScanContent content, ContentKind kind, IReadOnlyList<long> offsets, byte[] buffer, Position[] positions, T cr, T lf)
        where T : unmanaged, IEquatable<T>
    {
        // Not Marshal.SizeOf: that is the marshalled size, 1 for char.
        int unit = Unsafe.SizeOf<T>();
        var counter = new ColumnCounter(kind.Encoding);
        int capacity = buffer.Length - (buffer.Length % unit);
        long pos = kind.PreambleLength;
        int line = 1;
        long lineStart = pos;
        long columnUnits = 0;
        var carry = default(LineBreaks.Carry);
        int next = 0;
        int openFrom = -1;

        while (true)
        {
            int read = content.Read(pos, buffer.AsSpan(0, capacity));
            bool endOfContent = read < capacity;
            read -= read % unit;
            var bytes = buffer.AsSpan(0, read);
            var units = MemoryMarshal.Cast<byte, T>(bytes);
            int i = carry.SkipCarried(units, lf);
            lineStart += (long)i * unit;

            while (i < units.Length)
            {
                long nextOffset = next < offsets.Count ? offsets[next] : long.MaxValue;
                int tokenIndex = nextOffset < pos + read ? (int)((nextOffset - pos) / unit) : -1;

                if (tokenIndex < 0 && openFrom < 0)
                {
                    // No token on this stretch: count whole lines at vector speed.
                    var rest = units[i..];
                    if (rest.IndexOf(cr) < 0)
                    {
                        int lastLf = rest.LastIndexOf(lf);
                        if (lastLf >= 0)
                        {
                            line += rest.Count(lf);
                            i += lastLf + 1;
                            lineStart = pos + ((long)i * unit);
                            columnUnits = 0;
                            counter.Reset();
                        }

                        columnUnits += counter.Count(bytes[(i * unit)..], flush: false);
                        i = units.Length;
                        break;
                    }
                }

                int newline = LineBreaks.NextEnd(units[i..], cr, lf);
                newline = newline < 0 ? -1 : i + newline;
                if (tokenIndex >= 0 && (newline < 0 || tokenIndex < newline))
                {
                    columnUnits += counter.Count(bytes[(i * unit)..(tokenIndex * unit)], flush: true);
                    positions[next] = new Position { Line = line, Column = (int)Math.Min(int.MaxValue, columnUnits + 1), LineStart = lineStart };
                    if (openFrom < 0)
                    {
                        openFrom = next;
                    }

                    next++;
                    i = tokenIndex;
                    continue;
                }

                if (newline < 0)
                {
                    columnUnits += counter.Count(bytes[(i * unit)..], flush: false);
                    i = units.Length;
                    break;
                }

                if (openFrom >= 0)
                {
                    Close(positions, openFrom, next, pos + ((long)newline * unit));
                    openFrom = -1;
                }

                if (next >= offsets.Count)
                {
                    return positions;
                }

                line++;
                i = carry.Past(units, newline, cr, lf);

                lineStart = pos + ((long)i * unit);
                columnUnits = 0;
                counter.Reset();
            }

            pos += read;
            if (endOfContent || read == 0)
            {
                if (openFrom >= 0)
                {
                    Close(positions, openFrom, next, pos);
                }

                return positions;
            }
        }
    }

    private static void Close(Position[] positions, int from, int to, long lineEnd)
    {
        for (int k = from; k < to; k++)
        {
            positions[k].LineEnd = lineEnd;
        }
    }
}
