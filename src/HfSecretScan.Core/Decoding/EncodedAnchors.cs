using System.Text;
using HfSecretScan.Detection;

namespace HfSecretScan.Decoding;

/// <summary>
/// The fixed byte strings that encoded tokens must contain, derived from the rules' prefixes: the
/// base64 characters that <c>hf_</c> and <c>api_org_</c> fully determine at each of the three byte
/// alignments (<c>aGZf</c> is <c>hf_</c> at offset 0), those of base64 of those (a base64 value in a
/// base64-encoded JSON), and the pairs that start an escaped <c>_</c>, which ends every prefix
/// (<c>5f</c> in <c>%5F</c>, <c>\u005f</c>, <c>&amp;#x5f;</c>, <c>=5F</c>, hex; <c>#9</c> in <c>&amp;#95;</c>) or a
/// quoted-printable soft line break.
/// </summary>
internal static class EncodedAnchors
{
    /// <summary>Base64 anchors of the prefixes themselves.</summary>
    public static IReadOnlyList<string> Base64 { get; } = [.. TokenRules.All.SelectMany(r => Base64Fixed(Encoding.ASCII.GetBytes(r.Prefix), 2)).Distinct()];

    /// <summary>Base64 anchors of base64 anchors: a token encoded twice.</summary>
    public static IReadOnlyList<string> Base64OfBase64 { get; } = [.. Base64.SelectMany(a => Base64Fixed(Encoding.ASCII.GetBytes(a), 3)).Distinct()];

    /// <summary>Pairs that start an escaped underscore or a soft line break.</summary>
    public static IReadOnlyList<(byte First, byte Second)> EscapePairs { get; } =
        [((byte)'5', (byte)'f'), ((byte)'5', (byte)'F'), ((byte)'#', (byte)'9'), ((byte)'=', (byte)'\n'), ((byte)'=', (byte)'\r')];

    /// <summary>
    /// The pairs to search base64 runs for when decoding <paramref name="depth"/> encodings deep: for
    /// each depth-one anchor, pairs such that one still lies whole on one side wherever a line wrap
    /// splits the anchor, chosen among the rarest in text (a candidate costs a look around it); for
    /// each deeper anchor its rarest pair.
    /// </summary>
    public static IEnumerable<(byte First, byte Second)> Base64Pairs(int depth)
    {
        foreach (var pair in Base64.SelectMany(WrapProofPairs))
        {
            yield return pair;
        }

        if (depth >= 2)
        {
            foreach (var anchor in Base64OfBase64)
            {
                yield return Enumerable.Range(0, anchor.Length - 1).Select(i => ((byte)anchor[i], (byte)anchor[i + 1])).MinBy(p => Commonness(p.Item1, p.Item2));
            }
        }
    }

    /// <summary>
    /// Two pairs at <c>i</c> and <c>i + 1</c> cover every split: a wrap before <c>i + 2</c> leaves the
    /// second on the right, one after it the first on the left.
    /// </summary>
    private static IEnumerable<(byte First, byte Second)> WrapProofPairs(string anchor)
    {
        var pairs = Enumerable.Range(0, anchor.Length - 1).Select(i => ((byte)anchor[i], (byte)anchor[i + 1])).ToList();
        int best = Enumerable.Range(0, pairs.Count - 1).MinBy(i => Commonness(pairs[i].Item1, pairs[i].Item2) + Commonness(pairs[i + 1].Item1, pairs[i + 1].Item2));
        return [pairs[best], pairs[best + 1]];
    }

    /// <summary>How often a pair of characters occurs in code and prose, roughly: two lower-case letters most, a digit next to a letter least.</summary>
    private static int Commonness(byte first, byte second)
    {
        static int Kind(byte c) => c switch
        {
            >= (byte)'a' and <= (byte)'z' => 0,
            >= (byte)'A' and <= (byte)'Z' => 1,
            >= (byte)'0' and <= (byte)'9' => 2,
            _ => 3,
        };

        return (Kind(first), Kind(second)) switch
        {
            (0, 0) => 10,
            (1, 0) => 6,
            (2, 2) => 4,
            (1, 1) or (3, _) or (_, 3) => 3,
            (0, 1) => 2,
            _ => 1,
        };
    }

    /// <summary>The base64 characters fully determined by <paramref name="text"/> at byte offsets 0, 1 and 2 of a group, in both alphabets.</summary>
    private static IEnumerable<string> Base64Fixed(byte[] text, int minimumLength)
    {
        for (int alignment = 0; alignment < 3; alignment++)
        {
            var bytes = new byte[alignment + text.Length + 3];
            text.CopyTo(bytes, alignment);
            string encoded = Convert.ToBase64String(bytes);

            // Character j holds bits [6j, 6j + 6): fixed when they all come from the text.
            int first = ((8 * alignment) + 5) / 6;
            int end = 8 * (alignment + text.Length) / 6;
            if (end - first < minimumLength)
            {
                continue;
            }

            string fixedPart = encoded[first..end];
            yield return fixedPart;
            yield return fixedPart.Replace('+', '-').Replace('/', '_');
        }
    }
}
