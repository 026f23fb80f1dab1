using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HfSecretScan.Detection;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification.Tests.Engine;

/// <summary>Answers no Hub gives, from a bare server on loopback: each is <c>unknown</c> with its reason, within the timeout, in bounded memory.</summary>
[TestClass]
public sealed class HostileServerTests
{
    private static readonly VerifierOptions OneSecond = new() { Timeout = TimeSpan.FromSeconds(1), MaxRateLimitRetries = 0 };

    private static async Task<TokenVerification> VerifyAgainst(RawHttpServer server)
    {
        var secret = new Secret(TokenRules.UserToken, TestTokens.NewUser());
        using var client = new HfApiClient(HfEndpoint.Parse(server.Address.AbsoluteUri));
        var verdict = (await new TokenVerifier(client, OneSecond).VerifyAsync([secret]))[secret];
        TestTokens.AssertNotIn(verdict.Reason ?? string.Empty, [secret.Reveal()]);
        return verdict;
    }

    [TestMethod]
    [DataRow("""{"auth": 5}""", "malformed answer: HTTP 200 but the answer names no account", DisplayName = "no name, auth a number")]
    [DataRow("""{"name": "x", "auth": 5}""", "malformed answer: HTTP 200 but \"auth\" is a number, not an object", DisplayName = "auth a number")]
    [DataRow("""{"name": 5}""", "malformed answer: HTTP 200 but \"name\" is a number, not a string", DisplayName = "name a number")]
    [DataRow("""{"name": "x", "orgs": "all"}""", "malformed answer: HTTP 200 but \"orgs\" is a string, not an array", DisplayName = "orgs a string")]
    [DataRow("""[]""", "malformed answer: HTTP 200 but the answer is an array, not an object", DisplayName = "an array")]
    [DataRow("""{}""", "malformed answer: HTTP 200 but the answer names no account", DisplayName = "empty object")]
    public async Task A_200_answer_of_the_wrong_shape_is_unknown_not_live(string body, string reason)
    {
        using var server = new RawHttpServer((_, stream, _) => RawHttpServer.WriteAsync(stream, "200 OK", body));

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual(TokenStatus.Unknown, verdict.Status);
        StringAssert.StartsWith(verdict.Reason, reason);
    }

    [TestMethod]
    public async Task A_stalled_answer_is_unknown_within_the_timeout()
    {
        using var server = new RawHttpServer(async (_, stream, _) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"na"u8.ToArray());
            await Task.Delay(TimeSpan.FromSeconds(30));
        });
        var stopwatch = Stopwatch.StartNew();

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual(TokenStatus.Unknown, verdict.Status);
        StringAssert.StartsWith(verdict.Reason, "no answer within 1 s");
        Assert.IsLessThan(5000, stopwatch.ElapsedMilliseconds, "the timeout covers the body, not only the headers");
    }

    [TestMethod]
    public async Task A_3_GiB_answer_is_unknown_without_reading_it()
    {
        using var server = new RawHttpServer(async (_, stream, _) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {3L << 30}\r\n\r\n"));
            var chunk = new byte[1 << 16];
            chunk.AsSpan().Fill((byte)' ');
            for (int i = 0; i < 64; i++)
            {
                await stream.WriteAsync(chunk);
            }
        });
        long before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual(TokenStatus.Unknown, verdict.Status);
        StringAssert.StartsWith(verdict.Reason, "network error");
        Assert.IsLessThan(5000, stopwatch.ElapsedMilliseconds);
        Assert.IsLessThan(16L << 20, GC.GetAllocatedBytesForCurrentThread() - before, "bounded by the 1 MiB answer limit");
    }

    [TestMethod]
    public async Task A_reset_connection_is_unknown()
    {
        using var server = new RawHttpServer((_, _, socket) =>
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return Task.CompletedTask;
        });

        var verdict = await VerifyAgainst(server);

        Assert.AreEqual(TokenStatus.Unknown, verdict.Status);
        StringAssert.StartsWith(verdict.Reason, "network error");
    }

    [TestMethod]
    public async Task Revoke_sends_its_body_with_a_content_length_that_a_plain_server_reads()
    {
        using var server = new RawHttpServer((_, stream, _) => RawHttpServer.WriteAsync(stream, "202 Accepted", string.Empty));
        var user = new Secret(TokenRules.UserToken, TestTokens.NewUser());
        var org = new Secret(TokenRules.OrgToken, TestTokens.Org(87));
        using var client = new HfApiClient(HfEndpoint.Parse(server.Address.AbsoluteUri));

        var status = await client.RevokeAsync([user, org], CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.Accepted, status);
        var request = server.Requests.Single();
        StringAssert.Contains(request.Head, "Content-Length: ");
        Assert.DoesNotContain("chunked", request.Head, StringComparison.OrdinalIgnoreCase);
        StringAssert.Contains(request.Head, "Content-Type: application/json");
        StringAssert.Contains(request.Body, user.Reveal(), "the body as Content-Length delimits it");
        StringAssert.Contains(request.Body, org.Reveal());
    }
}
