using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// A git remote URL read for reports: its host and path, and a form to show with any credentials
/// (user, password, a token in the user part or the query) dropped.
/// </summary>
public static class RemoteUrl
{
    /// <summary>
    /// <paramref name="remote"/> without user information, query or fragment, e.g.
    /// <c>https://huggingface.co/acme/model</c> for <c>https://user:hf_…@huggingface.co/acme/model</c>;
    /// null for null or a URL it cannot read (it is then not shown at all, since it might hold a secret).
    /// </summary>
    public static string? WithoutCredentials(string? remote)
    {
        if (remote is null)
        {
            return null;
        }

        if (Uri.TryCreate(remote, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Host.Length > 0)
        {
            string port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port;
            return Secret.RedactAll($"{uri.Scheme}://{uri.Host}{port}{uri.AbsolutePath}");
        }

        return ScpLike(remote) is var (host, path) ? Secret.RedactAll($"{host}:{path}") : null;
    }

    /// <summary>The host and path of <paramref name="remote"/>; null when it is neither a URL with a host nor scp-like (<c>user@host:path</c>).</summary>
    public static (string Host, string Path)? Parse(string? remote)
    {
        if (remote is null)
        {
            return null;
        }

        if (Uri.TryCreate(remote, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Host.Length > 0)
        {
            return (uri.Host, Uri.UnescapeDataString(uri.AbsolutePath));
        }

        return ScpLike(remote);
    }

    /// <summary>git's scp-like syntax, <c>[user@]host:path</c>, with no slash before the colon.</summary>
    private static (string Host, string Path)? ScpLike(string remote)
    {
        int colon = remote.IndexOf(':', StringComparison.Ordinal);
        int slash = remote.IndexOf('/', StringComparison.Ordinal);
        if (colon <= 0 || (slash >= 0 && slash < colon))
        {
            return null;
        }

        string host = remote[..colon];
        host = host[(host.LastIndexOf('@') + 1)..];
        return host.Length > 0 ? (host, remote[(colon + 1)..]) : null;
    }
}
