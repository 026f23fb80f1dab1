namespace HfSecretScan.Git.Storage.Staging;

/// <summary>
/// git's path order (the bytes of the UTF-8 paths compared one by one) for decoded paths, without
/// encoding them again: UTF-16 code units sort as UTF-8 bytes do except that a surrogate (a
/// character beyond U+FFFF) must sort after U+E000 to U+FFFF.
/// </summary>
internal static class GitPathOrder
{
    /// <summary>Less than zero when <paramref name="left"/> comes first, zero when they are equal.</summary>
    public static int Compare(string left, string right)
    {
        int common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length - right.Length;
        }

        return Weight(left[common]) - Weight(right[common]);
    }

    private static int Weight(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
