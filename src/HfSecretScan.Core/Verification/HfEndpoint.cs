using System.Net;

namespace HfSecretScan.Verification;

/// <summary>
/// The Hugging Face Hub that tokens are sent to, and the only place they are sent. Over HTTPS,
/// or plain HTTP only when the host is this machine (a stand-in or a tunnel), so that a token
/// never crosses a network in clear text.
/// </summary>
public sealed class HfEndpoint
{
    /// <summary>The public Hub.</summary>
    public const string DefaultAddress = "https://huggingface.co";

    /// <summary>The environment variable the official clients read to use another Hub.</summary>
    public const string EnvironmentVariable = "HF_ENDPOINT";

    private HfEndpoint(Uri baseUri)
    {
        BaseUri = baseUri;
        WhoAmIUri = new Uri(baseUri, "api/whoami-v2");
        RevokeUri = new Uri(baseUri, "api/credentials/revoke");
    }

    /// <summary>The Hub's base address, ending with a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>Where tokens are verified: <c>{endpoint}/api/whoami-v2</c>.</summary>
    public Uri WhoAmIUri { get; }

    /// <summary>Where tokens are revoked: <c>{endpoint}/api/credentials/revoke</c>.</summary>
    public Uri RevokeUri { get; }

    /// <summary>The endpoint for the public Hub.</summary>
    public static HfEndpoint Default { get; } = Parse(DefaultAddress);

    /// <summary>
    /// The endpoint to use: <paramref name="option"/> (<c>--hf-endpoint</c>) when given, else
    /// <paramref name="environment"/> (the value of <see cref="EnvironmentVariable"/>), else the public Hub.
    /// </summary>
    /// <exception cref="ArgumentException">The chosen address is not an endpoint tokens may go to.</exception>
    public static HfEndpoint Resolve(string? option, string? environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Parse(option.Trim(), "--hf-endpoint");
        }

        return string.IsNullOrWhiteSpace(environment) ? Default : Parse(environment.Trim(), EnvironmentVariable);
    }

    /// <summary>Checks <paramref name="address"/> against the policy and makes it an endpoint.</summary>
    /// <param name="address">An absolute http or https address.</param>
    /// <param name="source">Where the address came from, named in the error.</param>
    /// <exception cref="ArgumentException">The address is not an endpoint tokens may go to.</exception>
    public static HfEndpoint Parse(string address, string source = "endpoint")
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{source} '{address}' is not an http(s) address such as {DefaultAddress}.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException($"{source} must be a plain address without user name, query or fragment, such as {DefaultAddress}.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new ArgumentException(
                $"{source} '{address}' uses plain HTTP to another machine: tokens are sent only over HTTPS (plain HTTP only to localhost). Use https://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}.",
                nameof(address));
        }

        string path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new HfEndpoint(new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri);
    }

    /// <summary>Whether <paramref name="uri"/> is an address on this endpoint (same scheme, host, port, under its path).</summary>
    public bool Contains(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri
            && string.Equals(uri.Scheme, BaseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == BaseUri.Port
            && uri.AbsolutePath.StartsWith(BaseUri.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>An address on the endpoint: <paramref name="relative"/> is a path without the leading slash, with its query.</summary>
    public Uri Combine(string relative) => new(BaseUri, relative);

    /// <summary>The base address without its trailing slash.</summary>
    public override string ToString() => BaseUri.AbsoluteUri.TrimEnd('/');

    // A host name other than "localhost" could resolve anywhere, so only literal loopback addresses count.
    private static bool IsLoopback(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip)
            : string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
}
