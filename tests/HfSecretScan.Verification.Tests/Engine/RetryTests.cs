using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification.Tests.Engine;

/// <summary>
/// A faulty server on loopback: a read is asked again after a fault that may pass, at most three
/// times and within the timeout; a revoke is never sent twice.
/// </summary>
[TestClass]
public sealed class RetryTests
{
    private static readonly VerifierOptions FiveSeconds = new() { Timeout = TimeSpan.FromSeconds(5), MaxRateLimitRetries = 0 };

    private static Task Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
        return Task.CompletedTask;
    }

    /// <summary>Fails the first <paramref name="faults"/> requests with <paramref name="fault"/>, then answers whoami.</summary>
    private static RawHttpServer Faulty(int faults, Func<NetworkStream, Socket, Task> fault)
    {
        int seen = 0;
        return new RawHttpServer((_, stream, socket) => Interlocked.Increment(ref seen) <= faults ? fault(stream, socket) : RawHttpServer.WriteAsync(stream, "200 OK", FakeHub.ReadAnswer));
    }

    private static async Task<TokenVerification> VerifyAgainst(RawHttpServer server)
    {
        var secret = new Secret(TokenRules.UserToken, TestTokens.NewUser());
        using var client = new HfApiClient(HfEndpoint.Parse(server.Address.AbsoluteUri));
        return (await new TokenVerifier(client, FiveSeconds).VerifyAsync([secret]))[secret];
    }

    [TestMethod]
    public async Task A_reset_then_an_answer_is_verified()
    {
        using var server = Faulty(1, (_, socket) => Reset(socket));

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual(TokenStatus.Live, verdict.Status, verdict.Reason);
        Assert.HasCount(2, server.Requests);
    }

    [TestMethod]
    [DataRow("502 Bad Gateway")]
    [DataRow("503 Service Unavailable")]
    [DataRow("504 Gateway Timeout")]
    public async Task Two_passing_server_errors_then_an_answer_is_verified(string status)
    {
        using var server = Faulty(2, (stream, _) => RawHttpServer.WriteAsync(stream, status, "{}"));

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual(TokenStatus.Live, verdict.Status, verdict.Reason);
        Assert.HasCount(3, server.Requests);
    }

    [TestMethod]
    public async Task Resets_forever_are_unknown_with_the_reason_after_three_attempts_within_the_timeout()
    {
        using var server = new RawHttpServer((_, _, socket) => Reset(socket));
        var stopwatch = Stopwatch.StartNew();

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual(TokenStatus.Unknown, verdict.Status);
        StringAssert.StartsWith(verdict.Reason, "network error: ");
        StringAssert.EndsWith(verdict.Reason, "(3 attempts)");
        Assert.HasCount(3, server.Requests);
        Assert.IsLessThan(FiveSeconds.Timeout.TotalMilliseconds, stopwatch.ElapsedMilliseconds);
    }

    [TestMethod]
    public async Task A_server_error_that_stays_is_unknown_after_three_attempts()
    {
        using var server = new RawHttpServer((_, stream, _) => RawHttpServer.WriteAsync(stream, "503 Service Unavailable", "{}"));

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual("server error: HTTP 503", verdict.Reason);
        Assert.HasCount(3, server.Requests);
    }

    [TestMethod]
    public async Task A_fault_that_would_repeat_is_not_asked_again()
    {
        using var server = new RawHttpServer((_, stream, _) => RawHttpServer.WriteAsync(stream, "500 Internal Server Error", "{}"));

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual("server error: HTTP 500", verdict.Reason);
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public async Task The_timeout_bounds_the_attempts_and_their_pauses_together()
    {
        using var server = new RawHttpServer(async (_, _, socket) =>
        {
            await Task.Delay(150);
            await Reset(socket);
        });
        var secret = new Secret(TokenRules.UserToken, TestTokens.NewUser());
        using var client = new HfApiClient(HfEndpoint.Parse(server.Address.AbsoluteUri));
        var stopwatch = Stopwatch.StartNew();

        var verdict = (await new TokenVerifier(client, new VerifierOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxRateLimitRetries = 0 }).VerifyAsync([secret]))[secret];

        Assert.AreEqual("no answer within 0.3 s", verdict.Reason);
        Assert.IsLessThan(3, server.Requests.Count, "the third attempt was never made");
        Assert.IsLessThan(2000, stopwatch.ElapsedMilliseconds);
    }

    [TestMethod]
    public async Task A_listing_read_is_asked_again_after_a_reset()
    {
        int seen = 0;
        using var server = new RawHttpServer((_, stream, socket) => Interlocked.Increment(ref seen) == 1 ? Reset(socket) : RawHttpServer.WriteAsync(stream, "200 OK", "[]"));
        using var client = new HfApiClient(HfEndpoint.Parse(server.Address.AbsoluteUri));
        var reader = new HubApiReader(client, new RateLimitGate(TimeProvider.System), FiveSeconds);

        var answer = await reader.GetAsync(new Uri(server.Address, "api/models?author=x"), null, CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.OK, answer.Status);
        Assert.AreEqual("[]", answer.Body);
        Assert.HasCount(2, server.Requests);
    }

    [TestMethod]
    public async Task A_revoke_whose_connection_is_reset_is_not_sent_again()
    {
        using var server = new RawHttpServer((_, _, socket) => Reset(socket));
        using var client = new HfApiClient(HfEndpoint.Parse(server.Address.AbsoluteUri));
        var token = new Secret(TokenRules.UserToken, TestTokens.NewUser());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.RevokeAsync([token], CancellationToken.None));

        Assert.HasCount(1, server.Requests, "the server read the request and may have revoked: asking again could only mislead");
    }

    [TestMethod]
    public async Task A_revoke_answered_503_is_not_sent_again()
    {
        using var server = new RawHttpServer((_, stream, _) => RawHttpServer.WriteAsync(stream, "503 Service Unavailable", string.Empty));
        using var client = new HfApiClient(HfEndpoint.Parse(server.Address.AbsoluteUri));
        var token = new Secret(TokenRules.UserToken, TestTokens.NewUser());

        var status = await client.RevokeAsync([token], CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, status);
        Assert.HasCount(1, server.Requests);
    }
}
