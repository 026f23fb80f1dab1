using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HfSecretScan.Verification.Tests;

/// <summary>One request as a plain HTTP/1.1 server sees it: the head as sent, and the body as <c>Content-Length</c> says (nothing else).</summary>
internal sealed record RawRequest(string Head, string Body);

/// <summary>
/// A bare HTTP/1.1 server on 127.0.0.1 over a <see cref="TcpListener"/>, for answers no well-behaved
/// server gives: it reads a body only by <c>Content-Length</c> (as many plain servers do), and lets
/// a test answer with anything, stall, or reset the connection.
/// </summary>
internal sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, NetworkStream, Socket, Task> _answer;
    private readonly CancellationTokenSource _stop = new();

    public RawHttpServer(Func<RawRequest, NetworkStream, Socket, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    /// <summary>An answer with the status line, headers and body as given, and a matching <c>Content-Length</c>.</summary>
    public static async Task WriteAsync(NetworkStream stream, string status, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(bytes);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, _stop.Token) == 1)
            {
                head.Append((char)one[0]);
            }

            int length = head.ToString().Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, _stop.Token);
            var request = new RawRequest(head.ToString(), Encoding.UTF8.GetString(body));
            Requests.Enqueue(request);
            await _answer(request, stream, socket);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up or the test is over.
        }
    }
}
