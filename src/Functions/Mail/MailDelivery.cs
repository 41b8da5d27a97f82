namespace GuanGong.Functions.Mail;

/// <summary>Where outgoing mail goes.</summary>
public enum MailDelivery
{
    /// <summary>Write each message as an .eml file into a folder (the local mailbox reads it).</summary>
    Pickup,

    /// <summary>Send through an SMTP server.</summary>
    Smtp,
}
