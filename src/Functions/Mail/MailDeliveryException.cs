namespace GuanGong.Functions.Mail;

/// <summary>
/// Mail could not be handed over: the SMTP server was unreachable, too slow, refused the login or the
/// message, or the pickup folder could not be written. The message says which server and what
/// happened; the inner exception has the detail.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public MailDeliveryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
