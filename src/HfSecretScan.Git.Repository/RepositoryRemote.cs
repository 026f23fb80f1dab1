using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories;

/// <summary>Where a repository is published: what reports link commits and files to.</summary>
public static class RepositoryRemote
{
    /// <summary>
    /// The URL of the remote <c>origin</c> (else the first remote by name) of the repository at or
    /// above <paramref name="path"/>, as its configuration has it (credentials included: callers
    /// drop them before showing it); null when there is no repository or no remote. Reads only the
    /// configuration, so no command runs.
    /// </summary>
    public static string? UrlOf(string path)
    {
        try
        {
            if (RepositoryDiscovery.TryFind(path) is not { } found)
            {
                return null;
            }

            using var repository = new Repository(found.GitDirectory);
            var remotes = repository.Network.Remotes;
            return (remotes["origin"] ?? remotes.OrderBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault())?.Url;
        }
        catch (LibGit2SharpException)
        {
            // A broken configuration costs the links, not the report.
            return null;
        }
    }
}
