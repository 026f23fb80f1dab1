using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HfSecretScan.Verification;

namespace HfSecretScan.Hub.Tests;

/// <summary>A git server that accepts the connection and then says nothing: the fetch is given up, not waited on forever.</summary>
[TestClass]
public sealed class StalledGitTests
{
    [TestMethod]
    public async Task A_fetch_that_receives_nothing_is_given_up_after_the_stall_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                // Accepted and held open: the request is read by nobody and answered never.
                held.Add(await listener.AcceptSocketAsync().ConfigureAwait(false));
            }
        });
        using var folder = new TempFolder();
        var endpoint = HfEndpoint.Parse($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        var fetcher = new HubFetcher(endpoint, token: null);
        var abandoned = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();

        bool fetched = await fetcher.FetchAsync(
            new HubRepositoryId(HubRepositoryKind.Model, "acme/stalled"),
            Path.Combine(folder.Path, "stalled.git"),
            _ => { },
            TimeSpan.FromSeconds(1),
            () => abandoned.TrySetResult(),
            CancellationToken.None);

        Assert.IsFalse(fetched);
        Assert.IsLessThan(10.0, clock.Elapsed.TotalSeconds, "given up about a second after the last byte");

        // Closing the connections ends the abandoned transfer, and its clean-up runs.
        listener.Stop();
        foreach (var socket in held)
        {
            socket.Dispose();
        }

        await abandoned.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
