using System.Net;
using System.Net.Mail;
using System.Text;
using GuanGong.LocalStack;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Mail;

/// <summary>
/// Sends through <see cref="SmtpClient"/>, to a server or into a pickup folder. A new client per
/// message: SmtpClient is not safe for concurrent sends.
/// </summary>
internal sealed partial class SmtpMailSender(IOptions<MailSettings> options, IHostEnvironment environment, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = mail.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.ToAddress, mail.ToName, Encoding.UTF8));
        if (mail.HtmlBody is not null)
        {
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, "text/html"));
        }

        using var client = CreateClient(settings);
        await client.SendMailAsync(message, cancellationToken);
        LogSent(logger, mail.Category, settings.Delivery);
    }

    private SmtpClient CreateClient(MailSettings settings)
    {
        if (settings.Delivery == MailDelivery.Pickup)
        {
            var folder = PickupFolder(settings, environment);
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }

        var smtp = settings.Smtp;
        var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Timeout = smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        return client;
    }

    /// <summary>The absolute pickup folder: a relative setting is taken from the repository root (or the content root).</summary>
    internal static string PickupFolder(MailSettings settings, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot.Find() ?? environment.ContentRootPath, settings.PickupDirectory));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a {Category} email via {Delivery}")]
    private static partial void LogSent(ILogger logger, string category, MailDelivery delivery);
}
