using System.Collections.Concurrent;
using System.Net;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// A stand-in OTLP/HTTP collector on a free loopback port: keeps the raw body of every export the app's
/// OpenTelemetry exporter posts (protobuf; strings in it are plain UTF-8), so a test can search exactly what
/// would have left the process.
/// </summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        Port = GuanGong.LocalStack.FreePorts.Take(1)[0];
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Export requests received so far (path and body).</summary>
    public IReadOnlyCollection<(string Path, byte[] Body)> Exports => _exports;

    /// <summary>How many export bodies carry <paramref name="text"/> (UTF-8).</summary>
    public int CountContaining(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return _exports.Count(e => e.Body.AsSpan().IndexOf(needle) >= 0);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url?.AbsolutePath ?? string.Empty, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
