using System.Globalization;
using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.Hooks;

/// <summary>
/// What a received push introduces, from the lines git gives a pre-receive hook on standard input
/// (<c>&lt;old sha&gt; &lt;new sha&gt; &lt;ref&gt;</c>): the commits reachable from the new values
/// and from no ref the repository has now (before the hook accepts, no ref has moved). Deletions
/// push no content; a tag of a commit already there introduces nothing.
/// </summary>
/// <param name="Include">The new values of the refs the push creates or moves.</param>
/// <param name="Exclude">The commits every current ref points to.</param>
public sealed record ReceivedRefs(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    /// <summary>Parses the hook's input for the repository at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">A line is not three fields, or no repository is there.</exception>
    public static ReceivedRefs Parse(TextReader input, string path)
    {
        var include = new List<string>();
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(' ');
            if (fields.Length != 3)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture, $"Expected '<old sha> <new sha> <ref>', got: {line}"));
            }

            if (!fields[1].All(c => c == '0'))
            {
                include.Add(fields[1]);
            }
        }

        return new ReceivedRefs(include.Distinct(StringComparer.Ordinal).ToList(), include.Count == 0 ? [] : CurrentCommits(path));
    }

    /// <summary>The commit of every ref (tags peeled); refs to trees or blobs lead to no history.</summary>
    private static List<string> CurrentCommits(string path)
    {
        using var repository = RepositoryDiscovery.Open(path);
        var commits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in repository.Refs)
        {
            try
            {
                if (reference.ResolveToDirectReference()?.Target?.Peel<Commit>() is { } commit)
                {
                    commits.Add(commit.Sha);
                }
            }
            catch (LibGit2SharpException)
            {
                // A ref to a tree or blob, or to an object this repository lacks: no history to leave out.
            }
        }

        return [.. commits.Order(StringComparer.Ordinal)];
    }
}
