using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HfSecretScan.Verification.Tests;

/// <summary>How the stand-in Hub answers whoami-v2 for one token.</summary>
public enum Reply
{
    Read,
    Write,
    FineGrained,
    FineGrainedReadOnly,
    Org,
    Invalid,
    RateLimitedOnce,
    RateLimitedAlways,
    Slow,
    Malformed,
    ServerError,
    Redirect,
}

/// <summary>
/// A stand-in for the Hugging Face API on 127.0.0.1 (Kestrel) answering in the documented shapes,
/// counting requests per token and requests in flight, and recording revoke bodies.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    public const string ReadAnswer = """
        {"type":"user","id":"1","name":"reader-user","fullname":"Reader","orgs":[],
         "auth":{"type":"access_token","accessToken":{"displayName":"notebook","role":"read","createdAt":"2025-05-12T10:00:00.000Z"}}}
        """;

    public const string WriteAnswer = """
        {"type":"user","id":"2","name":"writer-user","orgs":[{"name":"some-org","roleInOrg":"admin","isEnterprise":false},{"name":"other-org","roleInOrg":"read"}],
         "auth":{"type":"access_token","accessToken":{"displayName":"ci-token","role":"write"}}}
        """;

    public const string FineGrainedAnswer = """
        {"type":"user","id":"3","name":"scoped-user","orgs":[{"name":"some-org","roleInOrg":"write"}],
         "auth":{"type":"access_token","accessToken":{"displayName":"deploy","role":"fineGrained",
           "fineGrained":{"canReadGatedRepos":true,"global":["discussion.write","post.write"],
             "scoped":[{"entity":{"type":"model","name":"scoped-user/some-model","_id":"x"},"permissions":["repo.content.read","repo.write"]},
                       {"entity":{"type":"org","name":"some-org","_id":"y"},"permissions":["org.read"]}]}}}}
        """;

    public const string FineGrainedReadOnlyAnswer = """
        {"type":"user","id":"4","name":"careful-user","orgs":[],
         "auth":{"type":"access_token","accessToken":{"displayName":"reader","role":"fineGrained",
           "fineGrained":{"global":["collection.read"],
             "scoped":[{"entity":{"type":"dataset","name":"careful-user/data"},"permissions":["repo.content.read"]}]}}}}
        """;

    public const string OrgAnswer = """
        {"type":"org","id":"5","name":"legacy-org","auth":{"type":"access_token"}}
        """;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Reply> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _targets = new();
    private int _inFlight;
    private int _maxInFlight;

    private FakeHub(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Delay before every whoami answer, to make concurrency observable.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Status of revoke answers.</summary>
    public int RevokeStatus { get; set; } = StatusCodes.Status202Accepted;

    public ConcurrentQueue<string> RevokeBodies { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Every request's path and query, to check that no token travels in a URL.</summary>
    public IReadOnlyCollection<string> Targets => _targets;

    public static async Task<FakeHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var hub = new FakeHub(app);
        app.Run(hub.HandleAsync);
        await app.StartAsync();
        hub.Address = new Uri(app.Urls.Single());
        return hub;
    }

    public void Serve(string token, Reply reply) => _replies[token] = reply;

    public int RequestsFor(string token) => _requests.GetValueOrDefault(token);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        _targets.Enqueue(context.Request.Path + context.Request.QueryString);
        if (context.Request.Path == "/api/credentials/revoke" && HttpMethods.IsPost(context.Request.Method))
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            RevokeBodies.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = RevokeStatus;
            return;
        }

        if (context.Request.Path != "/api/whoami-v2" || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string authorization = context.Request.Headers.Authorization.ToString();
        string token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : string.Empty;
        int count = _requests.AddOrUpdate(token, 1, (_, n) => n + 1);
        int inFlight = Interlocked.Increment(ref _inFlight);
        int max;
        while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
        {
        }

        try
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            finally
            {
                // Counted out before answering: once the answer is written the client may send the next request.
                Interlocked.Decrement(ref _inFlight);
            }

            await AnswerAsync(context, _replies.GetValueOrDefault(token, Reply.Invalid), count);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (timeout test).
        }
    }

    private static async Task AnswerAsync(HttpContext context, Reply reply, int count)
    {
        var response = context.Response;
        switch (reply)
        {
            case Reply.Read:
                await JsonAsync(response, ReadAnswer);
                break;
            case Reply.Write:
                await JsonAsync(response, WriteAnswer);
                break;
            case Reply.FineGrained:
                await JsonAsync(response, FineGrainedAnswer);
                break;
            case Reply.FineGrainedReadOnly:
                await JsonAsync(response, FineGrainedReadOnlyAnswer);
                break;
            case Reply.Org:
                await JsonAsync(response, OrgAnswer);
                break;
            case Reply.RateLimitedOnce when count > 1:
                await JsonAsync(response, ReadAnswer);
                break;
            case Reply.RateLimitedOnce or Reply.RateLimitedAlways:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers["RateLimit"] = "\"api\";r=0;t=1";
                response.Headers["RateLimit-Policy"] = "\"fixed window\";\"api\";q=1000;w=300";
                await response.WriteAsync("Too Many Requests");
                break;
            case Reply.Slow:
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                await JsonAsync(response, ReadAnswer);
                break;
            case Reply.Malformed:
                await JsonAsync(response, "{\"type\":\"user\",\"name\":");
                break;
            case Reply.ServerError:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                await response.WriteAsync("Internal Server Error");
                break;
            case Reply.Redirect:
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = "http://127.0.0.2:9/api/whoami-v2";
                break;
            default:
                response.StatusCode = StatusCodes.Status401Unauthorized;
                await JsonAsync(response, "{\"error\":\"Invalid credentials in Authorization header\"}", StatusCodes.Status401Unauthorized);
                break;
        }
    }

    private static Task JsonAsync(HttpResponse response, string json, int status = StatusCodes.Status200OK)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(json);
    }
}
