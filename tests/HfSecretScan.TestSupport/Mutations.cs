using System.Diagnostics;
using CsCheck;

namespace HfSecretScan.Tests;

/// <summary>
/// Seeded, time-bounded mutation testing of a parser: copies of a valid input with bytes changed,
/// size-like runs overwritten with boundary values, truncated or grown, drawn from CsCheck
/// generators on a fixed PCG stream so that a failure repeats with the same seed.
/// </summary>
public static class Mutations
{
    private static readonly byte[] Boundaries = [0x00, 0xFF, 0x7F, 0x80];

    /// <summary>One change to an input: (kind, where, bytes).</summary>
    private static readonly Gen<(int Kind, double Where, byte[] Bytes)> Change =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Byte.Array[1, 8]);

    /// <summary>
    /// Calls <paramref name="check"/> on mutations of <paramref name="valid"/> until <paramref name="budget"/>
    /// has passed (or <paramref name="maxRuns"/> runs); <paramref name="check"/> catches the exceptions
    /// its parser documents, so any other fails the test with the seed and the input.
    /// </summary>
    /// <returns>How many mutations ran.</returns>
    public static int Run(byte[] valid, Action<byte[]> check, ulong seed, TimeSpan? budget = null, int maxRuns = 100_000)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(check);
        var pcg = new PCG(1, seed);
        var changes = Change.Array[1, 4];
        var limit = budget ?? TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();
        int runs = 0;
        while (clock.Elapsed < limit && runs < maxRuns)
        {
            byte[] input = Apply(valid, changes.Generate(pcg, null!, out _));
            try
            {
                check(input);
            }
            catch (Exception e) when (e is not AssertFailedException)
            {
                throw new AssertFailedException($"mutation {runs} of seed {seed} threw {e.GetType().Name}: {e.Message}; input {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 256)))}", e);
            }

            runs++;
        }

        Assert.IsGreaterThan(0, runs, "at least one mutation ran");
        return runs;
    }

    private static byte[] Apply(byte[] valid, (int Kind, double Where, byte[] Bytes)[] changes)
    {
        var bytes = new List<byte>(valid);
        foreach (var (kind, where, data) in changes)
        {
            int at = (int)(where * bytes.Count);
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = data[0];
                    break;
                case 1:
                    for (int i = at; i < Math.Min(bytes.Count, at + 4); i++)
                    {
                        bytes[i] = Boundaries[data[0] % Boundaries.Length];
                    }

                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.InsertRange(at, data);
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(data.Length, bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }
}
