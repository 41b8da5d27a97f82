namespace GuanGong.Functions.Mail;

/// <summary>One message to send: plain text always (old mail clients, screen readers), HTML optionally.</summary>
public sealed record OutgoingMail(string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody = null)
{
    /// <summary>What the mail is for (e.g. <c>review-task</c>); logged instead of the content.</summary>
    public string Category { get; init; } = "general";
}
