using System.Text.Json;
using GuanGong.LocalStack.Mail;

namespace GuanGong.Testing.App;

/// <summary>What the tests read from emailed link tokens and the mails that carry them.</summary>
public static class LinkTokens
{
    /// <summary>The case id (subject) a signed link token names, read from its payload without verifying it.</summary>
    public static string? SubjectOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        var payload = parts[^2].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return json.RootElement.TryGetProperty("c", out var subject) ? subject.GetString() : null;
    }

    /// <summary>The unit link token mailed to <paramref name="contactEmail"/> (the campaign's invitation).</summary>
    public static async Task<string> UnitTokenAsync(this SmtpSink smtp, string contactEmail, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var mail = await smtp.WaitForAsync(m => m.To.Contains(contactEmail) && HasLink(m, "/u/"), timeout);
        return SampleCounty.TokenOf(mail.LinkWith("/u/"));
    }

    /// <summary>The review link ("请审核") mailed to <paramref name="reviewerEmail"/> for <paramref name="caseId"/>.</summary>
    public static async Task<string> ReviewLinkAsync(this SmtpSink smtp, string reviewerEmail, string caseId, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var mail = await smtp.WaitForAsync(m => IsReviewRequest(m, reviewerEmail) && SubjectOf(SampleCounty.TokenOf(m.LinkWith("/r/"))) == caseId, timeout);
        return mail.LinkWith("/r/");
    }

    /// <summary>A review request ("请审核…") to <paramref name="reviewerEmail"/> with a review link.</summary>
    public static bool IsReviewRequest(MailFile mail, string reviewerEmail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return mail.To.Contains(reviewerEmail) && mail.Subject.StartsWith("请审核", StringComparison.Ordinal) && HasLink(mail, "/r/");
    }

    /// <summary>One key per distinct mail (recipients, subject, the cases its links name): a mail sent twice has the same key.</summary>
    public static string DuplicateKey(MailFile mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return $"{string.Join(",", mail.To)}|{mail.Subject}|{string.Join(",", mail.Links.Select(l => SubjectOf(SampleCounty.TokenOf(l))))}";
    }

    private static bool HasLink(MailFile mail, string pathPrefix) =>
        mail.Links.Any(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));
}
