using System.Globalization;
using HfSecretScan.Pipeline;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.Hooks;

/// <summary>
/// The revisions a push introduces, from the lines git gives a pre-push hook on standard input
/// (<c>&lt;local ref&gt; &lt;local sha&gt; &lt;remote ref&gt; &lt;remote sha&gt;</c>): each pushed
/// commit minus what the remote already has (for a new branch, every ref of that remote).
/// </summary>
public sealed record PushedRefs(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    /// <summary>Parses the hook's input for a push from the repository at <paramref name="path"/> to <paramref name="remote"/>.</summary>
    /// <exception cref="InputException">A line is not four fields, or no repository is there.</exception>
    public static PushedRefs Parse(TextReader input, string path, string remote)
    {
        var include = new List<string>();
        var exclude = new List<string>();
        bool newBranch = false;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(' ');
            if (fields.Length != 4)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture, $"Expected '<local ref> <local sha> <remote ref> <remote sha>', got: {line}"));
            }

            if (IsZero(fields[1]))
            {
                continue; // a deletion pushes no content
            }

            include.Add(fields[1]);
            if (IsZero(fields[3]))
            {
                newBranch = true;
            }
            else
            {
                exclude.Add(fields[3]);
            }
        }

        if (newBranch)
        {
            exclude.AddRange(RemoteRefs(path, remote));
        }

        return new PushedRefs(include, exclude);
    }

    /// <summary>What git knows the remote has: its remote-tracking refs.</summary>
    private static IEnumerable<string> RemoteRefs(string path, string remote)
    {
        using var repository = RepositoryDiscovery.Open(path);
        string prefix = $"refs/remotes/{remote}/";
        return [.. repository.Refs.Where(r => r.CanonicalName.StartsWith(prefix, StringComparison.Ordinal) && r.ResolveToDirectReference() is not null).Select(r => r.CanonicalName)];
    }

    private static bool IsZero(string sha) => sha.All(c => c == '0');
}
