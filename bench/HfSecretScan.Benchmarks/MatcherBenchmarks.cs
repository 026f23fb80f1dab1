using System.Text;
using BenchmarkDotNet.Attributes;
using HfSecretScan.Content;
using HfSecretScan.Detection;
using HfSecretScan.Scanning;

namespace HfSecretScan.Benchmarks;

/// <summary>
/// The matcher alone, single-threaded, on 8 MiB in memory: text with no candidate, text dense with
/// <c>hf_</c> near-misses, and UTF-16. Throughput is bytes divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private const int Size = 8 << 20;
    private readonly List<RawToken> _sink = [];
    private byte[] _plain = [];
    private byte[] _nearMisses = [];
    private byte[] _utf16 = [];
    private ContentScanner _scanner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _plain = Text(random, Size, nearMissEvery: 0);
        _nearMisses = Text(random, Size, nearMissEvery: 64);
        var utf16 = new byte[Size + 2];
        utf16[0] = 0xFF;
        utf16[1] = 0xFE;
        Encoding.Unicode.GetBytes(Encoding.ASCII.GetString(_plain, 0, Size / 2), 0, Size / 2, utf16, 2);
        _utf16 = utf16;
        _scanner = new ContentScanner();
    }

    /// <summary>Source-like text with no prefix anywhere: the vectorized search alone.</summary>
    [Benchmark(Baseline = true)]
    public int NoCandidates() => Find(_plain, ByteForm.Ascii);

    /// <summary>Every 64 bytes an <c>hf_</c> that is not a token: validation cost.</summary>
    [Benchmark]
    public int DenseNearMisses() => Find(_nearMisses, ByteForm.Ascii);

    /// <summary>UTF-16LE text through the whole content scanner (sniffing, windows).</summary>
    [Benchmark]
    public int Utf16Content() => _scanner.Scan(new MemoryContent(_utf16)).Tokens.Count;

    /// <summary>The same 8 MiB of plain text through the whole content scanner.</summary>
    [Benchmark]
    public int PlainContent() => _scanner.Scan(new MemoryContent(_plain)).Tokens.Count;

    private int Find(byte[] data, ByteForm form)
    {
        _sink.Clear();
        TokenMatcher.Find(data, 0, 0, data.Length, form, -1, _sink);
        return _sink.Count;
    }

    private static byte[] Text(Random random, int size, int nearMissEvery)
    {
        // Lower-case words, spaces, punctuation and new lines, like code; never a prefix.
        const string alphabet = "abcdeijklmnopqrstuvwxyz    .,;(){}=\n";
        string[] nearMisses = ["self.h" + "f_config", "_call_h" + "f_processor(", "h" + "f_short123", "api" + "_org_controller"];
        var bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)alphabet[random.Next(alphabet.Length)];
        }

        if (nearMissEvery > 0)
        {
            for (int i = 0; i + 32 < size; i += nearMissEvery)
            {
                Encoding.ASCII.GetBytes(nearMisses[random.Next(nearMisses.Length)], bytes.AsSpan(i));
            }
        }

        return bytes;
    }
}
