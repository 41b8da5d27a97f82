using GuanGong.LocalStack;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GuanGong.Functions.Mail;

/// <summary>
/// Sends mail with MailKit (to an SMTP server, reusing connections) or writes it with MimeKit as an
/// <c>.eml</c> file into the pickup folder the local mailbox reads. Safe for concurrent sends.
/// </summary>
internal sealed partial class SmtpMailSender(IOptions<MailSettings> options, IHostEnvironment environment, TimeProvider time, ILogger<SmtpMailSender> logger)
    : IMailSender, IAsyncDisposable, IDisposable
{
    // Pickup files are 7-bit with CRLF line ends, as an SMTP server's pickup service expects them.
    private static readonly FormatOptions PickupFormat = new() { NewLineFormat = NewLineFormat.Dos };

    private readonly Lazy<SmtpConnectionPool> _pool = new(() => new SmtpConnectionPool(options.Value.Smtp, time));
    private readonly Lazy<MailboxAddress> _from = new(() => MailComposer.Sender(options.Value.From));

    /// <summary>Connections opened to the SMTP server so far.</summary>
    internal int ConnectionsOpened => _pool.IsValueCreated ? _pool.Value.Opened : 0;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = MailComposer.Compose(mail, _from.Value, time.GetUtcNow());
        if (settings.Delivery == MailDelivery.Pickup)
        {
            await WritePickupAsync(message, PickupFolder(settings, environment), cancellationToken);
        }
        else
        {
            await _pool.Value.SendAsync(message, cancellationToken);
        }

        LogSent(logger, mail.Category, settings.Delivery);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pool.IsValueCreated)
        {
            await _pool.Value.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_pool.IsValueCreated)
        {
            _pool.Value.Dispose();
        }
    }

    /// <summary>The absolute pickup folder: a relative setting is taken from the repository root (or the content root).</summary>
    internal static string PickupFolder(MailSettings settings, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot.Find() ?? environment.ContentRootPath, settings.PickupDirectory));

    private static async Task WritePickupAsync(MimeMessage message, string folder, CancellationToken cancellationToken)
    {
        // The file is written under a temporary name and renamed: the mailbox page and the tests poll
        // the folder for *.eml and must never read half a message. The GUID name is what /dev/mail/{id} accepts.
        var name = Guid.NewGuid().ToString();
        var temporary = Path.Combine(folder, name + ".tmp");
        try
        {
            Directory.CreateDirectory(folder);
            message.Prepare(EncodingConstraint.SevenBit);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await message.WriteToAsync(PickupFormat, file, cancellationToken);
            }

            File.Move(temporary, Path.Combine(folder, name + ".eml"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new MailDeliveryException($"Mail not written: the pickup folder {folder} ({MailSettings.Section}:PickupDirectory) failed: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written, or the folder itself is the problem: the exception thrown names it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a {Category} email via {Delivery}")]
    private static partial void LogSent(ILogger logger, string category, MailDelivery delivery);
}
