namespace HfSecretScan.Scanning;

/// <summary>
/// Runs one piece of work per range of a large content on several threads, each with its own
/// read buffer, and returns the results in range order.
/// </summary>
internal static class ParallelRanges
{
    public static T[] Map<T>(int rangeCount, int workers, int bufferSize, Func<int, byte[], T> work)
    {
        var results = new T[rangeCount];
        int next = -1;
        Parallel.For(
            0,
            Math.Max(1, Math.Min(workers, rangeCount)),
            _ =>
            {
                byte[] buffer = new byte[bufferSize];
                int range;
                while ((range = Interlocked.Increment(ref next)) < rangeCount)
                {
                    results[range] = work(range, buffer);
                }
            });
        return results;
    }
}
