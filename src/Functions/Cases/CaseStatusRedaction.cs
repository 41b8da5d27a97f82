using System.Text.RegularExpressions;

namespace GuanGong.Functions.Cases;

/// <summary>
/// What a case's status shows to anyone but an administrator: reviewers by name, with their
/// decisions, but no email addresses, client IP addresses or browser strings. The audit trail
/// itself keeps everything; only the administrator's view shows it.
/// </summary>
public static partial class CaseStatusRedaction
{
    /// <summary>Stands where an email address was.</summary>
    public const string Hidden = "（已隐去）";

    public static CaseStatusView ForNonAdmin(CaseStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with
        {
            Decisions = [.. view.Decisions.Select(d => d with { ReviewerEmail = string.Empty })],
            History = [.. view.History.Select(e => e with { Actor = Actor(e.Actor), Detail = e.Detail is null ? null : Email().Replace(e.Detail, Hidden), IpAddress = null, UserAgent = null })],
        };
    }

    // "Name <email>" shows the name; a bare address shows nothing of it.
    private static string Actor(string actor)
    {
        var bracket = actor.IndexOf(" <", StringComparison.Ordinal);
        return bracket > 0 && actor.EndsWith('>') ? actor[..bracket] : Email().Replace(actor, Hidden);
    }

    [GeneratedRegex(@"[^\s<>()（）,，;；:：""']+@[^\s<>()（）,，;；:：""']+")]
    private static partial Regex Email();
}
