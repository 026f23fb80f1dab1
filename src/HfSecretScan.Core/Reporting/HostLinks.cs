namespace HfSecretScan.Reporting;

/// <summary>
/// Links to a commit and to a file at a commit on the host a repository's remote names, when that
/// host is GitHub, GitLab or the Hugging Face Hub; other hosts get none (reports show plain text).
/// </summary>
public sealed class HostLinks
{
    private readonly string _base;
    private readonly HostKind _kind;

    private HostLinks(HostKind kind, string baseUrl)
    {
        _kind = kind;
        _base = baseUrl;
    }

    /// <summary>Which host it is.</summary>
    public HostKind Kind => _kind;

    /// <summary>The host's name for readers, e.g. <c>GitHub</c>.</summary>
    public string HostName => _kind switch
    {
        HostKind.GitHub => "GitHub",
        HostKind.GitLab => "GitLab",
        _ => "Hugging Face",
    };

    /// <summary>
    /// The links for <paramref name="remote"/> (an https, ssh or scp-like git URL such as
    /// <c>git@github.com:owner/repo.git</c>); null for a host it does not know or a URL it cannot read.
    /// </summary>
    public static HostLinks? FromRemote(string? remote)
    {
        if (RemoteUrl.Parse(remote) is not var (host, path) || path.Length == 0)
        {
            return null;
        }

        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        string lowerHost = host.ToLowerInvariant();
        HostKind? kind = lowerHost switch
        {
            "github.com" or "www.github.com" => HostKind.GitHub,
            "huggingface.co" or "hf.co" => HostKind.HuggingFace,
            _ when lowerHost == "gitlab.com" || lowerHost.StartsWith("gitlab.", StringComparison.Ordinal) => HostKind.GitLab,
            _ => null,
        };
        if (kind is null || path.Split('/').Length < (kind == HostKind.HuggingFace ? 1 : 2))
        {
            return null;
        }

        string webHost = kind == HostKind.HuggingFace ? "huggingface.co" : lowerHost;
        string segments = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return new HostLinks(kind.Value, $"https://{webHost}/{segments}");
    }

    /// <summary>The page of commit <paramref name="commitId"/>.</summary>
    public string Commit(string commitId) => $"{_base}{Separator}commit/{Uri.EscapeDataString(commitId)}";

    /// <summary>The page of <paramref name="path"/> as of <paramref name="commitId"/>, at <paramref name="line"/> when given.</summary>
    public string File(string commitId, string path, int? line)
    {
        ArgumentNullException.ThrowIfNull(path);
        string encoded = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return $"{_base}{Separator}blob/{Uri.EscapeDataString(commitId)}/{encoded}{(line is { } l ? $"#L{l}" : string.Empty)}";
    }

    private string Separator => _kind == HostKind.GitLab ? "/-/" : "/";
}

/// <summary>The hosts a report links to.</summary>
public enum HostKind
{
    /// <summary>github.com.</summary>
    GitHub,

    /// <summary>gitlab.com or a host named <c>gitlab.*</c>.</summary>
    GitLab,

    /// <summary>The Hugging Face Hub (huggingface.co, hf.co).</summary>
    HuggingFace,
}
