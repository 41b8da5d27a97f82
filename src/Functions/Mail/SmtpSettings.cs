namespace GuanGong.Functions.Mail;

/// <summary>An SMTP server: <c>GuanGong:Mail:Smtp</c>.</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>TLS, required by every production relay: implicit TLS on port 465, STARTTLS (required) on any other port.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>Set to log in (AUTH); unset sends without logging in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The limit on connecting, the greeting and each SMTP command.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Connections open to the server at once; sends beyond it wait. Relays limit connections per client.</summary>
    public int MaxConnections { get; set; } = 4;
}
