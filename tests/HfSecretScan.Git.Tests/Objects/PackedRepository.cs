namespace HfSecretScan.Git.Tests.Objects;

/// <summary>
/// Builds test repositories whose objects are stored every way git stores them: a pack with deep
/// offset-delta chains, a second pack with reference deltas, and loose objects.
/// </summary>
internal static class PackedRepository
{
    /// <summary>Commits <paramref name="versions"/> similar versions of a few files (a line changed each time), so a repack deltifies them.</summary>
    public static void CommitVersions(TestRepository repo, int versions, int seed, string? extraLine = null)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 3).Select(f => Enumerable.Range(0, 200).Select(i => $"line {i} of file {f}: {random.Next():x8} {random.Next():x8}").ToList()).ToList();
        for (int v = 0; v < versions; v++)
        {
            int file = v % lines.Count;
            lines[file][random.Next(lines[file].Count)] = $"changed in version {v}: {random.Next():x8}";
            if (v == versions / 2 && extraLine is not null)
            {
                lines[file].Insert(10, extraLine);
            }

            repo.Write($"src/file{file}.txt", string.Join('\n', lines[file]) + "\n");
            repo.Git("add", "-A");
            repo.Git("commit", "-q", "-m", $"version {v}");
        }
    }

    private static readonly Lazy<TestRepository> SharedRepository = new(() => Create());

    /// <summary>
    /// One repository from <see cref="Create"/> for the tests that only read it: building one runs
    /// about 130 git processes. Deleted when the test assembly is done (<see cref="SharedPackedRepository"/>).
    /// </summary>
    public static TestRepository Shared => SharedRepository.Value;

    /// <summary>Deletes <see cref="Shared"/> if a test made it.</summary>
    public static void DisposeShared()
    {
        if (SharedRepository.IsValueCreated)
        {
            SharedRepository.Value.Dispose();
        }
    }

    /// <summary>A repository with an aggressively deltified first pack, a second pack of reference deltas, and loose objects on top.</summary>
    public static TestRepository Create(string? extraLine = null)
    {
        var repo = TestRepository.Create();
        CommitVersions(repo, 45, seed: 1, extraLine);
        repo.Git("repack", "-adf", "--depth=50", "--window=50", "-q");
        CommitVersions(repo, 15, seed: 2);
        repo.Git("-c", "repack.useDeltaBaseOffset=false", "repack", "-d", "-q");
        CommitVersions(repo, 4, seed: 3);
        return repo;
    }
}

/// <summary>Deletes <see cref="PackedRepository.Shared"/> once every test of the assembly has run.</summary>
[TestClass]
public sealed class SharedPackedRepository
{
    [AssemblyCleanup]
    public static void Cleanup() => PackedRepository.DisposeShared();
}
