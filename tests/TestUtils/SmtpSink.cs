using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GuanGong.LocalStack.Mail;

namespace GuanGong.Testing;

/// <summary>
/// A real SMTP server on a free loopback port that keeps every message it receives, so tests of
/// email go through an actual SMTP conversation (EHLO, MAIL, RCPT, DATA with dot-stuffing, QUIT).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MailFile> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _acceptLoop;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.OrdinalIgnoreCase);
    private int _connections;

    /// <summary>Starts listening on 127.0.0.1 at a free port.</summary>
    public SmtpSink()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The port to point an SMTP client at.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>SMTP sessions accepted so far (a client that reuses its connection opens one).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>From now on, RCPT TO this address is answered 550 (mailbox unavailable), as a real server refuses an unknown mailbox.</summary>
    public void Refuse(string address) => _refused[address] = 0;

    /// <summary>Every message received so far, in arrival order.</summary>
    public IReadOnlyList<MailFile> Messages => [.. _messages];

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived.</summary>
    public async Task<MailFile> WaitForAsync(Func<MailFile, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _messages.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"No matching email arrived. Received {_messages.Count}: {string.Join(" | ", _messages.Select(m => m.Subject))}");
            }
        }
    }

    /// <summary>Closes every open session from the server side, as a server does after its idle timeout.</summary>
    public void DropConnections()
    {
        foreach (var client in _open.Keys)
        {
            client.Close();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _open[client] = 0;
            _ = Task.Run(async () =>
            {
                await ServeAsync(client);
                _open.TryRemove(client, out _);
            });
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost GuanGong test SMTP sink");
        string? from = null;
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = ExtractAddress(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var recipient = ExtractAddress(line);
                        if (_refused.ContainsKey(recipient))
                        {
                            await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                            break;
                        }

                        to.Add(recipient);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        _messages.Enqueue(MailFile.Parse(from ?? string.Empty, [.. to], data.ToString()));
                        _arrived.Release();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client hung up, the sink dropped the session, or the sink is stopping.
        }
    }

    private static string ExtractAddress(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
