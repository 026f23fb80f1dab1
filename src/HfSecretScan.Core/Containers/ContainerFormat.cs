namespace HfSecretScan.Containers;

/// <summary>The containers the engine opens, told apart by their first bytes, never by a file name.</summary>
internal enum ContainerFormat
{
    /// <summary>Not a container.</summary>
    None,

    /// <summary>A zip archive (nupkg, whl, jar, vsix, docx, PyTorch <c>.pt</c>, <c>.npz</c>, <c>.keras</c>, …).</summary>
    Zip,

    /// <summary>A tar archive (ustar, GNU or pax).</summary>
    Tar,

    /// <summary>A gzip stream.</summary>
    Gzip,

    /// <summary>A bzip2 stream.</summary>
    Bzip2,

    /// <summary>An xz stream.</summary>
    Xz,
}

/// <summary>Recognizes a container from the head of a content.</summary>
internal static class ContainerSniffer
{
    /// <summary>Bytes of the head that <see cref="Sniff"/> looks at: a tar header.</summary>
    public const int HeadLength = 512;

    /// <summary>The container <paramref name="head"/> starts, or <see cref="ContainerFormat.None"/>.</summary>
    public static ContainerFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
        {
            return ContainerFormat.Zip;
        }

        if (head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8)
        {
            return ContainerFormat.Gzip;
        }

        if (head.Length >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' && head[3] is >= (byte)'1' and <= (byte)'9')
        {
            return ContainerFormat.Bzip2;
        }

        if (head.Length >= 6 && head[..6].SequenceEqual((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0]))
        {
            return ContainerFormat.Xz;
        }

        return IsTarHeader(head) ? ContainerFormat.Tar : ContainerFormat.None;
    }

    /// <summary>
    /// A tar header: the <c>ustar</c> magic, or (for old v7 archives, which have none) a header
    /// whose checksum field matches its bytes.
    /// </summary>
    private static bool IsTarHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < HeadLength)
        {
            return false;
        }

        if (head.Slice(257, 5).SequenceEqual("ustar"u8))
        {
            return true;
        }

        var field = head.Slice(148, 8);
        long stored = 0;
        int digits = 0;
        foreach (byte b in field)
        {
            if (b is >= (byte)'0' and <= (byte)'7')
            {
                stored = (stored * 8) + (b - '0');
                digits++;
            }
            else if (b is not (0 or (byte)' ') || digits > 0 && b != 0 && b != ' ')
            {
                return false;
            }
        }

        if (digits == 0 || head[0] == 0)
        {
            return false;
        }

        long sum = 0;
        for (int i = 0; i < HeadLength; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : head[i];
        }

        return sum == stored;
    }
}
