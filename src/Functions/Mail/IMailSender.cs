namespace GuanGong.Functions.Mail;

/// <summary>Sends mail. Implementations must be safe to call concurrently.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
