using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace GuanGong.Functions.Mail;

/// <summary>
/// MailKit SMTP connections to one server, kept open between sends: an invitation batch or a burst of
/// review tasks pays for connect, EHLO, STARTTLS and AUTH once, not once per mail. A connection serves
/// one send at a time; at most <see cref="SmtpSettings.MaxConnections"/> are open at once. An idle
/// connection is checked with NOOP before reuse and dropped after <see cref="IdleLimit"/> (servers
/// close idle sessions after a few minutes), so a send never runs on a connection the server has
/// already given up.
/// </summary>
internal sealed class SmtpConnectionPool(SmtpSettings settings, TimeProvider time) : IAsyncDisposable, IDisposable
{
    internal static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentStack<(SmtpClient Client, long IdleSince)> _idle = new();
    private readonly SemaphoreSlim _slots = new(Math.Max(1, settings.MaxConnections));
    private bool _disposed;
    private int _opened;

    /// <summary>Connections opened so far (tests check reuse with it).</summary>
    public int Opened => Volatile.Read(ref _opened);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var client = await RentAsync(cancellationToken);
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex)
            {
                // A failed conversation may have stopped mid-command: never hand it to the next send.
                client.Dispose();
                throw Describe(ex, "sending", cancellationToken);
            }

            _idle.Push((client, time.GetTimestamp()));
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryPop(out var idle))
        {
            try
            {
                // QUIT, so the server does not log a dropped session.
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await idle.Client.DisconnectAsync(true, quit.Token);
            }
            catch (Exception ex) when (IsConnectionFailure(ex) || ex is OperationCanceledException)
            {
                // Shutting down: a server that has gone away needs no goodbye.
            }

            idle.Client.Dispose();
        }

        _slots.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var idle))
        {
            idle.Client.Dispose();
        }

        _slots.Dispose();
    }

    private async Task<SmtpClient> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryPop(out var idle))
        {
            if (idle.Client.IsConnected && time.GetElapsedTime(idle.IdleSince) < IdleLimit)
            {
                try
                {
                    await idle.Client.NoOpAsync(cancellationToken);
                    return idle.Client;
                }
                catch (Exception ex) when (IsConnectionFailure(ex))
                {
                    // The server closed it meanwhile; open another below.
                }
            }

            idle.Client.Dispose();
        }

        return await ConnectAsync(cancellationToken);
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        // MailKit applies Timeout to the TCP connect, the greeting and every command.
        var client = new SmtpClient { Timeout = checked(Math.Max(1, settings.TimeoutSeconds) * 1000) };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Security(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            client.Dispose();
            throw Describe(ex, "connecting to", cancellationToken);
        }

        Interlocked.Increment(ref _opened);
        return client;
    }

    /// <summary>
    /// <see cref="SmtpSettings.EnableSsl"/>: implicit TLS on port 465, STARTTLS (required, not merely
    /// attempted) on any other port. Off: plain SMTP.
    /// </summary>
    internal static SecureSocketOptions Security(SmtpSettings smtp) => smtp switch
    {
        { EnableSsl: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsConnectionFailure(Exception ex) =>
        ex is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException or SmtpCommandException or TimeoutException;

    private Exception Describe(Exception ex, string doing, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return ex;
        }

        var server = $"{settings.Host}:{settings.Port} ({MailSettings.Section}:Smtp)";
        var what = ex switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "the connection was refused: nothing listens there",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => "the host name does not resolve",
            SocketException socket => $"a network error ({socket.SocketErrorCode})",
            TimeoutException or OperationCanceledException => $"no answer within {settings.TimeoutSeconds} s",
            AuthenticationException => "the server refused the user name or password",
            SslHandshakeException => "the TLS handshake failed",
            SmtpCommandException command => $"the server answered {(int)command.StatusCode} ({command.ErrorCode}): {command.Message}",
            SmtpProtocolException or IOException or ServiceNotConnectedException => "the connection broke",
            NotSupportedException => $"the server does not offer what the settings ask for: {ex.Message}",
            _ => ex.Message,
        };
        return new MailDeliveryException($"Mail not sent: {doing} the SMTP server {server} failed, {what}.", ex);
    }
}
