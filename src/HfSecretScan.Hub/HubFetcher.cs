using HfSecretScan.Findings;
using HfSecretScan.Verification;
using LibGit2Sharp;
using LibGit2Sharp.Handlers;

namespace HfSecretScan.Hub;

/// <summary>
/// Fetches every ref a Hub repository advertises (<c>+refs/*:refs/*</c>: branches, tags,
/// <c>refs/pr/*</c>, <c>refs/convert/*</c>) into a bare repository, so that its whole object
/// database can be scanned. The token goes to git only through libgit2's credentials callback,
/// asked for by the server's challenge and only for the endpoint: never in a URL, the repository's
/// configuration, a log or an argument list. LFS content is never downloaded (git holds pointers).
/// </summary>
/// <param name="endpoint">The Hub; the remote is <c>{endpoint}/{prefix}{id}</c>.</param>
/// <param name="token">The auditor's token; null for public repositories only.</param>
public sealed class HubFetcher(HfEndpoint endpoint, Secret? token)
{
    /// <summary>Every ref, forced: the local copy mirrors the remote's refs.</summary>
    public const string MirrorRefSpec = "+refs/*:refs/*";

    private const string RemoteName = "hub";

    /// <summary>
    /// <see cref="Fetch"/>, given up when nothing arrives for <paramref name="stallTimeout"/>: libgit2
    /// has no timeout of its own, so a server that stops answering would stall the audit. Returns
    /// false when given up; the abandoned transfer ends when the server does (its callback then
    /// cancels it) and <paramref name="abandoned"/> runs after it.
    /// </summary>
    /// <exception cref="LibGit2SharpException">The fetch failed (HTTP error, authentication, corrupt pack).</exception>
    public async Task<bool> FetchAsync(HubRepositoryId repository, string gitDirectory, Action<long> receivedBytes, TimeSpan stallTimeout, Action abandoned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receivedBytes);
        ArgumentNullException.ThrowIfNull(abandoned);
        long lastActivity = Environment.TickCount64;
        var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetch = Task.Run(
            () => Fetch(
                repository,
                gitDirectory,
                bytes =>
                {
                    Volatile.Write(ref lastActivity, Environment.TickCount64);
                    receivedBytes(bytes);
                },
                giveUp.Token),
            CancellationToken.None);
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(stallTimeout.TotalMilliseconds / 4, 10, 1000));
        while (await Task.WhenAny(fetch, Task.Delay(poll, cancellationToken)).ConfigureAwait(false) != fetch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Environment.TickCount64 - Volatile.Read(ref lastActivity) > stallTimeout.TotalMilliseconds)
            {
                await giveUp.CancelAsync().ConfigureAwait(false);
                _ = fetch.ContinueWith(
                    _ =>
                    {
                        giveUp.Dispose();
                        abandoned();
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default);
                return false;
            }
        }

        giveUp.Dispose();
        await fetch.ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Fetches <paramref name="repository"/> into the bare repository at <paramref name="gitDirectory"/>,
    /// created when absent; one already there (a cache) gets only what changed.
    /// </summary>
    /// <param name="repository">The repository.</param>
    /// <param name="gitDirectory">The bare repository's folder.</param>
    /// <param name="receivedBytes">Told how many bytes have arrived so far, as they arrive.</param>
    /// <param name="cancellationToken">Stops the transfer.</param>
    /// <exception cref="LibGit2SharpException">The fetch failed (HTTP error, authentication, corrupt pack).</exception>
    public void Fetch(HubRepositoryId repository, string gitDirectory, Action<long> receivedBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(receivedBytes);
        if (!Repository.IsValid(gitDirectory))
        {
            Repository.Init(gitDirectory, isBare: true);
        }

        string url = endpoint.Combine(repository.WebPath).AbsoluteUri;
        var options = new FetchOptions
        {
            TagFetchMode = TagFetchMode.None,
            Prune = true,
            CredentialsProvider = token is null ? null : Credentials,
            OnTransferProgress = progress =>
            {
                receivedBytes(progress.ReceivedBytes);
                return !cancellationToken.IsCancellationRequested;
            },
        };
        using var git = new Repository(gitDirectory);

        // The remote's address holds no credentials; it is set again in case the endpoint changed since a cached fetch.
        if (git.Network.Remotes[RemoteName] is null)
        {
            git.Network.Remotes.Add(RemoteName, url, MirrorRefSpec);
        }
        else
        {
            git.Network.Remotes.Update(RemoteName, r => r.Url = url);
        }

        Commands.Fetch(git, RemoteName, [MirrorRefSpec], options, logMessage: null);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private Credentials Credentials(string url, string usernameFromUrl, SupportedCredentialTypes types)
    {
        // Only the endpoint gets the token, wherever a redirect might have sent libgit2.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || !endpoint.Contains(target) || !types.HasFlag(SupportedCredentialTypes.UsernamePassword))
        {
            return new DefaultCredentials();
        }

        return new UsernamePasswordCredentials { Username = "hf_user", Password = token!.Reveal() };
    }
}
