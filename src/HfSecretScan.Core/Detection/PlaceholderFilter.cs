namespace HfSecretScan.Detection;

/// <summary>
/// Recognises token bodies that a uniform random generator practically never produces:
/// documentation placeholders such as <c>xxxx…</c>, one character repeated, a run of the alphabet,
/// or a word repeated (<c>ExampleTokenExampleToken…</c>).
/// </summary>
/// <remarks>
/// Each test is calibrated so that a random body of 34 characters over 52 or 62 symbols trips it
/// with probability below 1e-8: fewer than 11 distinct characters (about 1e-14), a run of 8 equal
/// characters (about 3e-11), or a run of 9 consecutive characters such as <c>abcdefghi</c> or
/// <c>98765432</c> (case-insensitive, about 2e-9), or a repeat of its first 24 characters or fewer
/// (about 1e-17).
/// </remarks>
public static class PlaceholderFilter
{
    internal const int MinDistinct = 11;
    internal const int MaxEqualRun = 7;
    internal const int MaxSequenceRun = 8;
    internal const int MaxRepeatedPeriod = 24;

    /// <summary>True when <paramref name="body"/> looks hand-made rather than random.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> body)
    {
        if (body.IsEmpty)
        {
            return true;
        }

        // 128 bits cover every ASCII character; bodies are alphanumeric.
        ulong seenLow = 0, seenHigh = 0;
        int equalRun = 1, ascending = 1, descending = 1;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c < 64)
            {
                seenLow |= 1UL << c;
            }
            else if (c < 128)
            {
                seenHigh |= 1UL << (c - 64);
            }

            if (i == 0)
            {
                continue;
            }

            int previous = Fold(body[i - 1]);
            int current = Fold(c);
            equalRun = body[i] == body[i - 1] ? equalRun + 1 : 1;
            ascending = current == previous + 1 ? ascending + 1 : 1;
            descending = current == previous - 1 ? descending + 1 : 1;
            if (equalRun > MaxEqualRun || ascending > MaxSequenceRun || descending > MaxSequenceRun)
            {
                return true;
            }
        }

        int distinct = System.Numerics.BitOperations.PopCount(seenLow) + System.Numerics.BitOperations.PopCount(seenHigh);
        return distinct < MinDistinct || IsRepeated(body);
    }

    /// <summary>Whether the body is a shorter string written again and again.</summary>
    private static bool IsRepeated(ReadOnlySpan<char> body)
    {
        for (int period = 1; period <= Math.Min(MaxRepeatedPeriod, body.Length - 1); period++)
        {
            if (body[period..].SequenceEqual(body[..^period]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Fold(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;
}
