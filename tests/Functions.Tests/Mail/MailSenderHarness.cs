using GuanGong.Functions.Mail;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Tests.Mail;

/// <summary>The app's mail sender on its own (no app, no Azurite), pointed at a pickup folder or an SMTP port.</summary>
internal static class MailSenderHarness
{
    public static SmtpMailSender Smtp(int port, Action<SmtpSettings>? configure = null)
    {
        var smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, TimeoutSeconds = 5 };
        configure?.Invoke(smtp);
        return Create(new MailSettings { Delivery = MailDelivery.Smtp, Smtp = smtp });
    }

    public static SmtpMailSender Pickup(string folder) => Create(new MailSettings { Delivery = MailDelivery.Pickup, PickupDirectory = folder });

    private static SmtpMailSender Create(MailSettings settings) => new(
        Options.Create(settings),
        new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory },
        TimeProvider.System,
        NullLogger<SmtpMailSender>.Instance);
}
