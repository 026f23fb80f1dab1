using System.Text;
using LibGit2Sharp;

namespace HfSecretScan.Git.Objects;

/// <summary>What a history walk needs of a commit, parsed from its raw bytes: its tree, parents and message.</summary>
/// <param name="Id">The commit.</param>
/// <param name="TreeId">Its root tree.</param>
/// <param name="Parents">Its parents, in order.</param>
/// <param name="Message">Its message (leading blank lines dropped, as libgit2 does).</param>
internal sealed record RawCommit(ObjectId Id, ObjectId TreeId, IReadOnlyList<ObjectId> Parents, string Message)
{
    /// <summary>Parses a commit object's content.</summary>
    /// <exception cref="InvalidDataException">It does not start with a tree line.</exception>
    public static RawCommit Parse(ObjectId id, ReadOnlySpan<byte> data)
    {
        ObjectId? tree = null;
        var parents = new List<ObjectId>(1);
        int at = 0;
        while (at < data.Length && data[at] != (byte)'\n')
        {
            int end = data[at..].IndexOf((byte)'\n');
            end = end < 0 ? data.Length : at + end;

            var line = data[at..end];
            if (line.StartsWith("tree "u8) && tree is null)
            {
                tree = Hex(line[5..], id);
            }
            else if (line.StartsWith("parent "u8))
            {
                parents.Add(Hex(line[7..], id));
            }

            at = end + 1;
        }

        while (at < data.Length && data[at] == (byte)'\n')
        {
            at++;
        }

        return new RawCommit(
            id,
            tree ?? throw new InvalidDataException($"commit {id.Sha} has no tree"),
            parents,
            at < data.Length ? Encoding.UTF8.GetString(data[at..]) : string.Empty);
    }

    private static ObjectId Hex(ReadOnlySpan<byte> text, ObjectId commit)
    {
        if (text.Length != 40)
        {
            throw new InvalidDataException($"commit {commit.Sha} names a malformed object id");
        }

        try
        {
            return new ObjectId(Convert.FromHexString(Encoding.ASCII.GetString(text)));
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"commit {commit.Sha} names a malformed object id");
        }
    }
}
