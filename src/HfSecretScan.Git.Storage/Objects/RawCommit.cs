using System.Globalization;
using System.Text;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>What a history scan needs of a commit, parsed from its raw bytes: its tree, parents, author and message.</summary>
/// <param name="Id">The commit.</param>
/// <param name="TreeId">Its root tree.</param>
/// <param name="Parents">Its parents, in order.</param>
/// <param name="Author">Its author line, or null when it has none that parses.</param>
/// <param name="Message">Its message (leading blank lines dropped, as libgit2 does).</param>
internal sealed record RawCommit(RawId Id, RawId TreeId, IReadOnlyList<RawId> Parents, RawSignature? Author, string Message)
{
    /// <summary>Parses a commit object's content.</summary>
    /// <exception cref="InvalidDataException">It does not start with a tree line.</exception>
    public static RawCommit Parse(RawId id, ReadOnlySpan<byte> data)
    {
        RawId? tree = null;
        RawSignature? author = null;
        var parents = new List<RawId>(1);
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
            else if (line.StartsWith("author "u8) && author is null)
            {
                author = RawSignature.Parse(line[7..]);
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
            author,
            at < data.Length ? Encoding.UTF8.GetString(data[at..]) : string.Empty);
    }

    private static RawId Hex(ReadOnlySpan<byte> text, RawId commit)
    {
        try
        {
            return RawId.Parse(Encoding.ASCII.GetString(text));
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"commit {commit.Sha} names a malformed object id");
        }
    }
}

/// <summary>A commit's <c>author</c> (or <c>committer</c>) line: <c>Name &lt;email&gt; seconds +hhmm</c>.</summary>
/// <param name="Name">The name, without surrounding spaces.</param>
/// <param name="Email">The address between the angle brackets.</param>
/// <param name="When">The time, at the offset the line records.</param>
internal sealed record RawSignature(string Name, string Email, DateTimeOffset When)
{
    /// <summary>Parses the text after the line's keyword, or returns null when it is not a signature.</summary>
    public static RawSignature? Parse(ReadOnlySpan<byte> text)
    {
        int open = text.IndexOf((byte)'<');
        int close = open < 0 ? -1 : text[open..].IndexOf((byte)'>');
        if (close < 0)
        {
            return null;
        }

        close += open;
        string name = Encoding.UTF8.GetString(text[..open]).Trim();
        string email = Encoding.UTF8.GetString(text[(open + 1)..close]);
        string[] time = Encoding.ASCII.GetString(text[(close + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (time.Length < 1 || !long.TryParse(time[0], NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (time.Length > 1 && time[1].Length == 5 && (time[1][0] is '+' or '-')
            && int.TryParse(time[1].AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
            && int.TryParse(time[1].AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes))
        {
            offset = TimeSpan.FromMinutes((time[1][0] == '-' ? -1 : 1) * (hours * 60 + minutes));
        }

        try
        {
            return new RawSignature(name, email, DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(offset));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
