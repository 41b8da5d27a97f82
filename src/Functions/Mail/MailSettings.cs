namespace GuanGong.Functions.Mail;

/// <summary>How mail leaves the app: <c>GuanGong:Mail</c>.</summary>
public sealed class MailSettings
{
    public const string Section = "GuanGong:Mail";

    /// <summary>The From address, with a display name if wanted ("关工委 &lt;noreply@example.org&gt;").</summary>
    public string From { get; set; } = "关工委创建评估 <noreply@guangong.local>";

    /// <summary><see cref="MailDelivery.Pickup"/> writes .eml files; <see cref="MailDelivery.Smtp"/> sends. Unset: Pickup in the local profile, Smtp elsewhere.</summary>
    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;

    /// <summary>Where pickup delivery writes, relative to the repository root or absolute.</summary>
    public string PickupDirectory { get; set; } = ".local/mail";

    /// <summary>The SMTP server, for <see cref="MailDelivery.Smtp"/>.</summary>
    public SmtpSettings Smtp { get; set; } = new();
}
