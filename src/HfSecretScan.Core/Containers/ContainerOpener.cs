using System.Formats.Tar;
using System.IO.Compression;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Scanning;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;
using SharpCompress.Readers;
using SharpCompress.Readers.Zip;

namespace HfSecretScan.Containers;

/// <summary>
/// Opens one container level and hands each member, as a stream read forward and never held whole
/// or written anywhere, to the scan of the level below. A tar inside gzip, bzip2 or xz is one level.
/// What cannot be read (corrupt, truncated, encrypted, over a limit) becomes a problem naming the
/// member and the rest goes on.
/// </summary>
internal sealed class ContainerOpener(ContainerBudget budget, Func<MemberContent, ContentScan> scanMember, int cacheBytes)
{
    private readonly List<LocatedToken> _tokens = [];
    private readonly List<ContainerProblem> _problems = [];

    /// <summary>Tokens found in members, with their paths below the container.</summary>
    public IReadOnlyList<LocatedToken> Tokens => _tokens;

    /// <summary>What could not be read.</summary>
    public IReadOnlyList<ContainerProblem> Problems => _problems;

    /// <summary>Opens <paramref name="content"/>, a container of <paramref name="format"/>, and scans its members.</summary>
    public void Open(IScanContent content, ContainerFormat format)
    {
        try
        {
            switch (format)
            {
                case ContainerFormat.Zip when content is IRandomAccessContent:
                    Zip(content);
                    break;
                case ContainerFormat.Zip:
                    ZipForward(() => new ContentStream(content));
                    break;
                case ContainerFormat.Tar:
                    Tar(() => new ContentStream(content));
                    break;
                default:
                    Compressed(content, format);
                    break;
            }
        }
        catch (Exception e) when (IsReadError(e))
        {
            // A truncated zip was already said to be so when its central directory was missing.
            if (!_problems.Any(p => p.InnerPath is null && p.Kind == ProblemKind.Archive))
            {
                _problems.Add(new ContainerProblem(null, ProblemKind.Archive, $"Corrupt or truncated {Name(format)}, scanned as far as it could be read: {e.Message}"));
            }
        }
    }

    /// <summary>Exceptions that mean the bytes are not what they claim: the archive readers' ways of saying corrupt.</summary>
    public static bool IsReadError(Exception e) =>
        e is InvalidDataException or IOException or FormatException or NotSupportedException or ArgumentOutOfRangeException or InvalidOperationException or OverflowException or IndexOutOfRangeException
        || e.GetType().Namespace?.StartsWith("SharpCompress", StringComparison.Ordinal) == true;

    private static string Name(ContainerFormat format) => format.ToString().ToLowerInvariant();

    private void Zip(IScanContent content)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new ContentStream(content), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            // A truncated zip has no central directory, but its members' local headers can still be read.
            _problems.Add(new ContainerProblem(null, ProblemKind.Archive, $"Corrupt or truncated zip ({e.Message}): members read from their local headers."));
            ZipForward(() => new ContentStream(content));
            return;
        }

        using (archive)
        {
            int count = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                if (!Admit(++count))
                {
                    break;
                }

                if (entry.IsEncrypted)
                {
                    _problems.Add(new ContainerProblem(entry.FullName, ProblemKind.Archive, "Encrypted member: not scanned."));
                    continue;
                }

                var member = entry;
                Scan(member.FullName, charge => new MeteredStream(member.Open(), () => member.CompressedLength, budget, charge));
                if (budget.Tripped is not null)
                {
                    break;
                }
            }
        }
    }

    private void ZipForward(Func<Stream> openSource)
    {
        using var reader = ZipReader.OpenReader(openSource(), new ReaderOptions { LeaveStreamOpen = false });
        int index = 0;
        while (reader.MoveToNextEntry())
        {
            var entry = reader.Entry;
            if (entry.IsDirectory)
            {
                continue;
            }

            int position = ++index;
            if (!Admit(position))
            {
                break;
            }

            if (entry.IsEncrypted)
            {
                _problems.Add(new ContainerProblem(entry.Key, ProblemKind.Archive, "Encrypted member: not scanned."));
                continue;
            }

            long compressed = entry.CompressedSize;
            Scan(entry.Key ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture), charge => new MeteredStream(
                charge ? new OwningStream(OpenZipEntry(reader), null, disposeInner: true) : ReopenZipEntry(openSource, position),
                () => compressed,
                budget,
                charge));
            if (budget.Tripped is not null)
            {
                break;
            }
        }
    }

    /// <summary>The <paramref name="position"/>-th file of a zip read forward again, for a second look at a member.</summary>
    private static Stream ReopenZipEntry(Func<Stream> openSource, int position)
    {
        var reader = ZipReader.OpenReader(openSource(), new ReaderOptions { LeaveStreamOpen = false });
        int index = 0;
        while (reader.MoveToNextEntry())
        {
            if (!reader.Entry.IsDirectory && ++index == position)
            {
                return new OwningStream(OpenZipEntry(reader), reader, disposeInner: true);
            }
        }

        reader.Dispose();
        return Stream.Null;
    }

    /// <summary>
    /// The data of the zip member the reader is at. SharpCompress refuses a member's compression
    /// settings (LZMA without its properties) with <see cref="ArgumentException"/>; no argument is
    /// ours, so it is the member that is corrupt.
    /// </summary>
    private static SharpCompress.Common.EntryStream OpenZipEntry(IReader reader)
    {
        try
        {
            return reader.OpenEntryStream();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private void Tar(Func<Stream> openSource)
    {
        using var source = openSource();
        using var reader = new TarReader(source, leaveOpen: true);
        int index = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile) || entry.DataStream is not { } data)
            {
                continue;
            }

            int position = ++index;
            if (!Admit(position))
            {
                break;
            }

            // The entry's data is a view of the archive stream, valid until the next entry: never disposed here.
            Scan(MemberName(entry.Name), charge => charge ? new OwningStream(data, null, disposeInner: false) : ReopenTarEntry(openSource, position));
            if (budget.Tripped is not null)
            {
                break;
            }
        }
    }

    private static Stream ReopenTarEntry(Func<Stream> openSource, int position)
    {
        var source = openSource();
        var reader = new TarReader(source, leaveOpen: false);
        int index = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile && entry.DataStream is { } data && ++index == position)
            {
                return new OwningStream(data, reader, disposeInner: false);
            }
        }

        reader.Dispose();
        return Stream.Null;
    }

    private void Compressed(IScanContent content, ContainerFormat format)
    {
        Stream OpenInflated(bool charge)
        {
            var compressed = new CountingStream(new ContentStream(content), leaveOpen: false);
            Stream inflater = format switch
            {
                ContainerFormat.Gzip => new GZipStream(compressed, CompressionMode.Decompress),
                ContainerFormat.Bzip2 => BZip2Stream.Create(compressed, SharpCompress.Compressors.CompressionMode.Decompress, true, false, false),
                _ => new XZStream(compressed),
            };
            return new MeteredStream(inflater, () => compressed.BytesRead, budget, charge);
        }

        using var inflated = new MemberContent(OpenInflated, cacheBytes);
        Span<byte> head = stackalloc byte[ContainerSniffer.HeadLength];
        int read = inflated.Read(0, head);
        if (ContainerSniffer.Sniff(head[..read]) == ContainerFormat.Tar)
        {
            Tar(() => new ContentStream(inflated));
            ReportError(null, inflated);
            return;
        }

        string name = format == ContainerFormat.Gzip && GzipName(content) is { } recorded ? MemberName(recorded) : ContainerPath.Unnamed;
        Scan(name, inflated);
    }

    /// <summary>The file name a gzip header records (FNAME), or null.</summary>
    private static string? GzipName(IScanContent content)
    {
        Span<byte> header = stackalloc byte[1024];
        int read = content.Read(0, header);
        header = header[..read];
        if (read < 10 || (header[3] & 0x08) == 0)
        {
            return null;
        }

        int at = 10;
        if ((header[3] & 0x04) != 0)
        {
            if (read < 12)
            {
                return null;
            }

            at += 2 + (header[10] | (header[11] << 8));
        }

        if (at >= read)
        {
            return null;
        }

        int end = header[at..].IndexOf((byte)0);
        return end <= 0 ? null : System.Text.Encoding.Latin1.GetString(header.Slice(at, end));
    }

    private static string MemberName(string name) => name.StartsWith("./", StringComparison.Ordinal) && name.Length > 2 ? name[2..] : name;

    private bool Admit(int count)
    {
        if (count <= budget.Limits.MaxEntries)
        {
            return true;
        }

        _problems.Add(new ContainerProblem(null, ProblemKind.Limit, $"More than {budget.Limits.MaxEntries:N0} entries (archiveLimits.maxEntries): the rest were not scanned."));
        return false;
    }

    private void Scan(string name, Func<bool, Stream> open)
    {
        MemberContent member;
        try
        {
            member = new MemberContent(open, cacheBytes);
        }
        catch (Exception e) when (IsReadError(e))
        {
            _problems.Add(new ContainerProblem(name, ProblemKind.Archive, $"Could not be opened: {e.Message}"));
            return;
        }

        using (member)
        {
            Scan(name, member);
        }
    }

    private void Scan(string name, MemberContent member)
    {
        if (ContainerPath.IsUnsafe(name))
        {
            _problems.Add(new ContainerProblem(name, ProblemKind.Archive, "Member name leaves the archive (a '..' segment or an absolute path): scanned, never extracted."));
        }

        var scan = scanMember(member);
        foreach (var token in scan.Tokens)
        {
            _tokens.Add(token with { InnerPath = ContainerPath.Join(name, token.InnerPath) });
        }

        foreach (var problem in scan.Problems)
        {
            _problems.Add(problem.Below(name));
        }

        ReportError(name, member);
    }

    private void ReportError(string? name, MemberContent member)
    {
        if (member.Error is { } error)
        {
            _problems.Add(new ContainerProblem(name, ProblemKind.Archive, $"Corrupt or truncated, scanned up to byte {member.BytesRead:N0}: {error}"));
        }
    }
}
