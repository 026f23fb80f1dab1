using System.Text;
using HfSecretScan.Decoding;

namespace HfSecretScan.Tests.Decoding;

/// <summary>The vectorized first pass finds exactly what a byte-at-a-time reading of the same rules finds.</summary>
[TestClass]
public sealed class CandidateScanTests
{
    private const int MinimumRun = Base64Run.MinimumWrapWidth;

    [TestMethod]
    public void ARunIsLongFromTheMinimumOn()
    {
        string shortRun = new('Q', MinimumRun - 1);
        string longRun = new('Q', MinimumRun);
        string text = $"( {shortRun} . {longRun} )";
        var (_, runs) = Scan(text, 0, text.Length);
        int at = text.IndexOf(longRun, StringComparison.Ordinal);
        CollectionAssert.AreEqual(new[] { (at, at + longRun.Length) }, runs);
    }

    [TestMethod]
    public void RunsAtEitherEndCountWhateverTheirLength()
    {
        var (_, runs) = Scan("ab cd", 0, 5);
        CollectionAssert.AreEqual(new[] { (0, 2), (3, 5) }, runs);
    }

    [TestMethod]
    public void RunsAtTheContentsEndsAreShortThere()
    {
        var (_, runs) = Scan(Encoding.ASCII.GetBytes("ab cd"), 0, 5, atStart: true, atEnd: true);
        Assert.AreEqual(0, runs.Length);
        (_, runs) = Scan(Encoding.ASCII.GetBytes("abcd"), 0, 4, atStart: true, atEnd: false);
        CollectionAssert.AreEqual(new[] { (0, 4) }, runs, "the content goes on after the span");
    }

    [TestMethod]
    public void EscapePairsAreExact()
    {
        string text = "%5F %5f \\u005F &#95; =\n =\r 5g #8 =x 4f";
        var (escapes, _) = Scan(text, 0, text.Length);
        int[] expected = [1, 5, 12, 16, 21, 24];
        CollectionAssert.AreEqual(expected, escapes);
    }

    [TestMethod]
    public void OnlyCandidatesThatStartInTheRangeAreKept()
    {
        string text = "5f 5f 5f " + new string('Z', 50) + " 5f";
        var (escapes, runs) = Scan(text, 3, 8);
        CollectionAssert.AreEqual(new[] { 3, 6 }, escapes);
        Assert.AreEqual(0, runs.Length, "the long run starts after the range");
    }

    [TestMethod]
    public void AgreesWithAByteAtATimeReadingOnRandomText()
    {
        // Characters that make runs, breaks and escape pairs common, so that every block boundary is crossed.
        const string alphabet = "aQ9+/_-5fF#9=\n\r %.";
        var random = new Random(20261202);
        for (int round = 0; round < 3000; round++)
        {
            int length = random.Next(0, 300);
            double breakChance = random.NextDouble() * 0.3;
            var bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = random.NextDouble() < breakChance
                    ? (byte)" %.\n=#"[random.Next(6)]
                    : random.Next(20) == 0 ? (byte)random.Next(256) : (byte)alphabet[random.Next(alphabet.Length)];
            }

            int from = length == 0 ? 0 : random.Next(length);
            int limit = from + random.Next(length - from + 1);
            bool atStart = random.Next(2) == 0;
            bool atEnd = random.Next(2) == 0;
            var (escapes, runs) = Scan(bytes, from, limit, atStart, atEnd);
            var (expectedEscapes, expectedRuns) = Reference(bytes, from, limit, atStart, atEnd);
            CollectionAssert.AreEqual(expectedEscapes, escapes, $"escapes, round {round}");
            CollectionAssert.AreEqual(expectedRuns, runs, $"runs, round {round}");
        }
    }

    private static (int[] Escapes, (int, int)[] Runs) Scan(string text, int from, int limit) => Scan(Encoding.ASCII.GetBytes(text), from, limit, false, false);

    private static (int[] Escapes, (int, int)[] Runs) Scan(byte[] bytes, int from, int limit, bool atStart, bool atEnd)
    {
        var escapes = new List<int>();
        var runs = new List<(int Start, int End)>();
        CandidateScan.Instance.FindAll(bytes, from, limit, atStart, atEnd, MinimumRun, escapes, runs);
        return ([.. escapes], [.. runs.Select(r => (r.Start, r.End))]);
    }

    private static (int[] Escapes, (int, int)[] Runs) Reference(byte[] bytes, int from, int limit, bool atStart, bool atEnd)
    {
        var escapes = new List<int>();
        for (int i = from; i < limit && i + 1 < bytes.Length; i++)
        {
            if (EncodedAnchors.EscapePairs.Contains((bytes[i], bytes[i + 1])))
            {
                escapes.Add(i);
            }
        }

        var runs = new List<(int, int)>();
        int start = 0;
        while (start < bytes.Length)
        {
            if (!Base64Run.IsBase64(bytes[start]))
            {
                start++;
                continue;
            }

            int end = start;
            while (end < bytes.Length && Base64Run.IsBase64(bytes[end]))
            {
                end++;
            }

            bool atEdge = (start == 0 && !atStart) || (end == bytes.Length && !atEnd);
            if ((end - start >= MinimumRun || atEdge) && start < limit && end > from)
            {
                runs.Add((start, end));
            }

            start = end;
        }

        return ([.. escapes], [.. runs]);
    }
}
