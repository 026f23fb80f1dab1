using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HfSecretScan.Pipeline;

namespace HfSecretScan.Hub;

/// <summary>
/// The K-th of N parts of an audit (<c>--shard K/N</c>), so that a CI matrix of N jobs covers
/// every repository once. A repository's part follows from its web path alone (a SHA-256 of it),
/// not from its place in the listing: a repository created between two jobs' listings does not
/// move every other one to another part.
/// </summary>
/// <param name="Index">K, from 1.</param>
/// <param name="Count">N.</param>
public sealed record HubShard(int Index, int Count)
{
    /// <summary>The whole audit.</summary>
    public static HubShard All { get; } = new(1, 1);

    /// <summary>Reads <c>K/N</c>, 1 ≤ K ≤ N.</summary>
    /// <exception cref="InputException">Not of that shape.</exception>
    public static HubShard Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string[] parts = value.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new HubShard(index, count);
        }

        throw new InputException($"--shard '{value}' is not K/N with 1 <= K <= N, e.g. 2/8.");
    }

    /// <summary>Whether <paramref name="repository"/> is in this part.</summary>
    public bool Contains(HubRepositoryId repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(repository.WebPath), hash);
        ulong value = BitConverter.ToUInt64(hash[..8]);
        return (int)(value % (ulong)Count) == Index - 1;
    }
}
