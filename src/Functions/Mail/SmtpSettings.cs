namespace GuanGong.Functions.Mail;

/// <summary>An SMTP server: <c>GuanGong:Mail:Smtp</c>.</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS / TLS; required by every production relay.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
