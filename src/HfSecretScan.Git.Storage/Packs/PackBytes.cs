namespace HfSecretScan.Git.Storage.Packs;

/// <summary>
/// A run of a pack's bytes held in memory by one reader, so that what it reads next takes no
/// system call: a small entry read whole with its header (<see cref="PackFile.ReadEntry"/>), whose
/// inflating then needs no second read, or a window that entry headers read in pack order are
/// parsed from (<see cref="PackFile.ReadHeader(long, PackBytes)"/>). Most entries of a history
/// (trees, deltas, small blobs) are a few hundred bytes, and a positioned read per header and per
/// entry's data was the walk's most frequent system call (bench/notes/history.md).
/// </summary>
internal sealed class PackBytes
{
    /// <summary>Entries longer than this are read as before: the header, then the data.</summary>
    public const int EntryLimit = 16 << 10;

    /// <summary>How much a window reads at a time.</summary>
    public const int WindowLength = 256 << 10;

    private byte[] _bytes = new byte[1024];
    private PackFile? _pack;
    private long _start;
    private int _length;

    /// <summary>A buffer of at least <paramref name="length"/> bytes for what is about to be read; forgets what it held.</summary>
    public byte[] Prepare(int length)
    {
        _pack = null;
        if (_bytes.Length < length)
        {
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        }

        return _bytes;
    }

    /// <summary>Records that the buffer holds <paramref name="length"/> bytes of <paramref name="pack"/> from <paramref name="start"/>.</summary>
    public void Hold(PackFile pack, long start, int length) => (_pack, _start, _length) = (pack, start, length);

    /// <summary>The bytes from <paramref name="from"/> to <paramref name="to"/> of <paramref name="pack"/>, when this holds them all.</summary>
    public bool TryGet(PackFile pack, long from, long to, out ArraySegment<byte> bytes)
    {
        if (ReferenceEquals(_pack, pack) && _start <= from && from <= to && to <= _start + _length)
        {
            bytes = new ArraySegment<byte>(_bytes, (int)(from - _start), (int)(to - from));
            return true;
        }

        bytes = default;
        return false;
    }
}
