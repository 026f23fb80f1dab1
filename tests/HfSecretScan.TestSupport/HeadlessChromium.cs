using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HfSecretScan.Tests;

/// <summary>
/// The system's Chromium (Debian package <c>chromium</c>), headless, driven over the Chrome DevTools
/// Protocol with the BCL's <see cref="ClientWebSocket"/>: no browser download, no driver process, and
/// nothing but loopback. Each page records console errors, uncaught exceptions and every request it makes.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private readonly Process _process;
    private readonly TempFolder _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly ConcurrentDictionary<string, BrowserPage> _pages = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiving;
    private int _nextId;

    private HeadlessChromium(Process process, TempFolder profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The Chromium executable, or null when none is installed.</summary>
    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Starts Chromium headless with a fresh profile and no background networking, and connects to it.</summary>
    public static async Task<HeadlessChromium> LaunchAsync()
    {
        string executable = Executable ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium).");
        var profile = new TempFolder();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-default-apps",
            "--mute-audio", "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile.Path, "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync().ConfigureAwait(false);
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return browser;
    }

    /// <summary>Opens a new tab of <paramref name="width"/> by <paramref name="height"/> pixels, starts recording, navigates to <paramref name="url"/> and waits for the load.</summary>
    public async Task<BrowserPage> OpenAsync(Uri url, int width = 1280, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(url);
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }).ConfigureAwait(false);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }).ConfigureAwait(false);
        string session = attached["sessionId"]!.GetValue<string>();
        var page = new BrowserPage(this, session);
        _pages[session] = page;
        foreach (string domain in new[] { "Page", "Runtime", "Network", "Log" })
        {
            await page.SendAsync(domain + ".enable").ConfigureAwait(false);
        }

        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }).ConfigureAwait(false);
        await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }).ConfigureAwait(false);
        await page.WaitForAsync("document.readyState === 'complete'").ConfigureAwait(false);
        return page;
    }

    /// <summary>Sends one protocol command (to a page's session when <paramref name="session"/> is set) and returns its result.</summary>
    internal async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null, string? session = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        var answer = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }

        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        if (_receiving is not null)
        {
            try
            {
                await _receiving.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Closing.
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _socket.Dispose();
        _sending.Dispose();
        _stop.Dispose();
        _profile.Dispose();
    }

    private async Task ConnectAsync()
    {
        // Chromium writes the port it chose and the browser's path into the profile once it listens.
        string file = Path.Combine(_profile.Path, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        string[] lines = [];
        while (lines.Length < 2)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before listening.");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("Chromium did not write DevToolsActivePort within 60 s.");
            }

            await Task.Delay(50).ConfigureAwait(false);
            try
            {
                lines = File.Exists(file) ? await File.ReadAllLinesAsync(file).ConfigureAwait(false) : [];
            }
            catch (IOException)
            {
                lines = [];
            }
        }

        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), _stop.Token).ConfigureAwait(false);
        _receiving = Task.Run(ReceiveAsync);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            var received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var answer))
            {
                if (node["error"] is { } error)
                {
                    answer.SetException(new InvalidOperationException("DevTools: " + error.ToJsonString()));
                }
                else
                {
                    answer.SetResult(node["result"] ?? new JsonObject());
                }
            }
            else if (node["sessionId"]?.GetValue<string>() is { } session && _pages.TryGetValue(session, out var page))
            {
                page.OnEvent(node["method"]!.GetValue<string>(), node["params"] ?? new JsonObject());
            }
        }
    }
}

/// <summary>One tab: what it logged and requested, and commands on it.</summary>
public sealed class BrowserPage
{
    private readonly HeadlessChromium _browser;
    private readonly string _session;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _requests = new();

    internal BrowserPage(HeadlessChromium browser, string session)
    {
        _browser = browser;
        _session = session;
    }

    /// <summary>Console errors, log entries of level error (a blocked request, a CSP violation) and uncaught exceptions.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>The URL of every request the page made, the document's own included.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Evaluates <paramref name="expression"/> (awaiting a promise) and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }).ConfigureAwait(false);
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"'{expression}' threw: {exception.ToJsonString()}");
        }

        return JsonSerializer.Deserialize<JsonElement>(result["result"]?["value"]?.ToJsonString() ?? "null");
    }

    /// <summary>Waits until <paramref name="condition"/> is true in the page.</summary>
    public async Task WaitForAsync(string condition, int timeoutSeconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!(await EvaluateAsync($"Boolean({condition})").ConfigureAwait(false)).GetBoolean())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                throw new TimeoutException($"'{condition}' did not hold within {timeoutSeconds} s.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Saves a PNG of the whole page to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }).ConfigureAwait(false);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot["data"]!.GetValue<string>())).ConfigureAwait(false);
    }

    internal Task<JsonNode> SendAsync(string method, JsonObject? parameters = null) => _browser.SendAsync(method, parameters, _session);

    internal void OnEvent(string method, JsonNode parameters)
    {
        if (method == "Runtime.exceptionThrown")
        {
            _errors.Enqueue("exception: " + parameters["exceptionDetails"]?.ToJsonString());
        }
        else if (method == "Runtime.consoleAPICalled" && ValueAt(parameters, "type") is "error" or "assert")
        {
            _errors.Enqueue("console: " + parameters["args"]?.ToJsonString());
        }
        else if (method == "Log.entryAdded" && parameters["entry"] is { } entry && ValueAt(entry, "level") == "error")
        {
            _errors.Enqueue("log: " + ValueAt(entry, "text"));
        }
        else if (method == "Network.requestWillBeSent" && parameters["request"] is { } request)
        {
            _requests.Enqueue(ValueAt(request, "url") ?? "?");
        }
    }

    private static string? ValueAt(JsonNode node, string name) => node[name]?.GetValue<string>();
}
