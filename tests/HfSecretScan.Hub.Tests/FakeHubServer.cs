using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HfSecretScan.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HfSecretScan.Hub.Tests;

/// <summary>A repository of the stand-in Hub: a real git repository in the server's project root.</summary>
internal sealed class FakeRepository(HubRepositoryKind kind, string id, string folder)
{
    public HubRepositoryKind Kind { get; } = kind;

    public string Id { get; } = id;

    public string Folder { get; } = folder;

    public string WebPath => Kind.WebPrefix() + Id;

    public bool Private { get; init; }

    /// <summary>Git requests answer HTTP 500.</summary>
    public bool GitFails { get; init; }

    /// <summary>Discussion details answers (JSON), by number.</summary>
    public ConcurrentDictionary<int, string> Discussions { get; } = new();

    public string Git(params string[] arguments) => TestRepository.GitIn(Folder, arguments);

    public string Commit(string path, string text, string message = "change")
    {
        string full = Path.Combine(Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        Git("add", "--", path);
        Git("commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD");
    }
}

/// <summary>
/// A stand-in for the Hugging Face Hub on 127.0.0.1 (Kestrel): the API in its documented shapes
/// (listings paged through <c>Link: rel="next"</c>, private repositories only to a valid token,
/// discussions, whoami-v2) and git smart HTTP for real repositories, served by
/// <c>git http-backend</c> run as CGI, behind HTTP Basic authentication for private ones.
/// Records every request.
/// </summary>
internal sealed class FakeHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeRepository> _repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _whoAmI = new(StringComparer.Ordinal);
    private readonly TempFolder _root = new();

    private FakeHubServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public string Endpoint => Address.AbsoluteUri.TrimEnd('/');

    /// <summary>Tokens that see and fetch private repositories.</summary>
    public ConcurrentBag<string> PrivilegedTokens { get; } = [];

    /// <summary>Listing page size: small, so that listings have more than one page.</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>How many listing requests to answer with HTTP 429 (<c>RateLimit: "api";r=0;t=1</c>) before answering again.</summary>
    public int RateLimitedListings { get; set; }

    /// <summary>Every request: method, path and query, and the Authorization header's scheme.</summary>
    public ConcurrentQueue<(string Method, string Target, string? Scheme)> Requests { get; } = new();

    /// <summary>The Content-Encoding of every request body that had one (git gzips larger ones).</summary>
    public ConcurrentQueue<string> BodyEncodings { get; } = new();

    public static async Task<FakeHubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var hub = new FakeHubServer(app);
        app.Run(hub.HandleAsync);
        await app.StartAsync();
        hub.Address = new Uri(app.Urls.Single());
        return hub;
    }

    public FakeRepository Add(HubRepositoryKind kind, string id, bool isPrivate = false, bool gitFails = false)
    {
        string folder = Path.Combine(_root.Path, kind.WebPrefix() + id);
        Directory.CreateDirectory(folder);
        var repository = new FakeRepository(kind, id, folder) { Private = isPrivate, GitFails = gitFails };
        repository.Git("init", "-q", "-b", "main");
        _repositories[repository.WebPath] = repository;
        return repository;
    }

    public void AnswerWhoAmI(string token, string json) => _whoAmI[token] = json;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _root.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string authorization = request.Headers.Authorization.ToString();
        Requests.Enqueue((request.Method, request.Path + request.QueryString, authorization.Length == 0 ? null : authorization.Split(' ')[0]));
        string path = request.Path.Value ?? "/";
        if (path == "/api/whoami-v2")
        {
            await WhoAmIAsync(context, Bearer(authorization));
        }
        else if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await ApiAsync(context, path["/api/".Length..], Bearer(authorization));
        }
        else
        {
            await GitAsync(context, path, authorization);
        }
    }

    private static string? Bearer(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;

    private bool MaySee(FakeRepository repository, string? token) => !repository.Private || (token is not null && PrivilegedTokens.Contains(token));

    private async Task WhoAmIAsync(HttpContext context, string? token)
    {
        if (token is not null && _whoAmI.TryGetValue(token, out string? json))
        {
            await JsonAsync(context.Response, 200, json);
            return;
        }

        await JsonAsync(context.Response, 401, "{\"error\":\"Invalid credentials in Authorization header\"}");
    }

    private async Task ApiAsync(HttpContext context, string rest, string? token)
    {
        string[] parts = rest.Split('/');
        var kind = parts[0] switch
        {
            "models" => HubRepositoryKind.Model,
            "datasets" => HubRepositoryKind.Dataset,
            "spaces" => HubRepositoryKind.Space,
            _ => (HubRepositoryKind?)null,
        };
        if (kind is null)
        {
            await JsonAsync(context.Response, 404, "{\"error\":\"not found\"}");
            return;
        }

        if (parts.Length == 1)
        {
            await ListAsync(context, kind.Value, token);
            return;
        }

        string webPath = kind.Value.WebPrefix() + $"{parts[1]}/{(parts.Length > 2 ? parts[2] : string.Empty)}";
        if (!_repositories.TryGetValue(webPath, out var repository) || !MaySee(repository, token))
        {
            context.Response.Headers["X-Error-Code"] = "RepoNotFound";
            await JsonAsync(context.Response, 401, "{\"error\":\"Repository not found\"}");
            return;
        }

        if (parts is [_, _, _, "discussions"])
        {
            int page = int.Parse(context.Request.Query["p"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
            var numbers = repository.Discussions.Keys.OrderByDescending(n => n).ToList();
            var items = numbers.Skip(page * PageSize).Take(PageSize).Select(n => new { num = n, title = "t", status = "open", isPullRequest = false });
            await JsonAsync(context.Response, 200, JsonSerializer.Serialize(new { discussions = items, count = numbers.Count, start = page * PageSize }));
            return;
        }

        if (parts is [_, _, _, "discussions", var num] && repository.Discussions.TryGetValue(int.Parse(num, CultureInfo.InvariantCulture), out string? details))
        {
            await JsonAsync(context.Response, 200, details);
            return;
        }

        await JsonAsync(context.Response, 404, "{\"error\":\"not found\"}");
    }

    private async Task ListAsync(HttpContext context, HubRepositoryKind kind, string? token)
    {
        if (RateLimitedListings > 0)
        {
            RateLimitedListings--;
            context.Response.Headers["RateLimit"] = "\"api\";r=0;t=1";
            await JsonAsync(context.Response, 429, "{\"error\":\"Too Many Requests\"}");
            return;
        }

        string author = context.Request.Query["author"].FirstOrDefault() ?? string.Empty;
        int cursor = int.Parse(context.Request.Query["cursor"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        int size = context.Request.Query["limit"].FirstOrDefault() is { } limit ? int.Parse(limit, CultureInfo.InvariantCulture) : PageSize;
        var visible = _repositories.Values
            .Where(r => r.Kind == kind && r.Id.StartsWith(author + "/", StringComparison.Ordinal) && MaySee(r, token))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var page = visible.Skip(cursor).Take(size).Select(r => new { _id = r.Id, id = r.Id, @private = r.Private }).ToList();
        if (cursor + size < visible.Count)
        {
            context.Response.Headers["Link"] = $"<{Endpoint}/api/{kind.ApiSegment()}?author={author}&limit={size}&cursor={cursor + size}>; rel=\"next\"";
        }

        await JsonAsync(context.Response, 200, JsonSerializer.Serialize(page));
    }

    private async Task GitAsync(HttpContext context, string path, string authorization)
    {
        var repository = _repositories.Values.FirstOrDefault(r => path.StartsWith("/" + r.WebPath + "/", StringComparison.Ordinal));
        if (repository is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (repository.GitFails)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("Internal Server Error");
            return;
        }

        if (repository.Private && !PrivilegedTokens.Any(t => authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hf_user:" + t))))
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Authentication required\"";
            return;
        }

        await CgiAsync(context, path);
    }

    /// <summary>Runs <c>git http-backend</c> for one request: CGI variables in, the request body streamed to it, its headers and body streamed back.</summary>
    private async Task CgiAsync(HttpContext context, string path)
    {
        var request = context.Request;
        var start = new ProcessStartInfo("git") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("http-backend");
        start.Environment["GIT_PROJECT_ROOT"] = _root.Path;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["PATH_INFO"] = path;
        start.Environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? string.Empty;
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        if (request.ContentLength is { } length)
        {
            start.Environment["CONTENT_LENGTH"] = length.ToString(CultureInfo.InvariantCulture);
        }

        // git inflates a gzip request body itself when told its encoding.
        if (request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding)
        {
            BodyEncodings.Enqueue(encoding);
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        if (request.Headers["Git-Protocol"].ToString() is { Length: > 0 } protocol)
        {
            start.Environment["GIT_PROTOCOL"] = protocol;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await request.Body.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        var output = process.StandardOutput.BaseStream;
        foreach (string line in await ReadHeadersAsync(output))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = int.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
            }
            else
            {
                context.Response.Headers[name] = value;
            }
        }

        await output.CopyToAsync(context.Response.Body);
        await process.WaitForExitAsync();
        await errors;
    }

    private static async Task<List<string>> ReadHeadersAsync(Stream output)
    {
        var headers = new List<string>();
        var line = new List<byte>();
        var one = new byte[1];
        while (await output.ReadAsync(one) == 1)
        {
            if (one[0] != '\n')
            {
                line.Add(one[0]);
                continue;
            }

            string text = Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                break;
            }

            headers.Add(text);
        }

        return headers;
    }

    private static Task JsonAsync(HttpResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(json);
    }
}
