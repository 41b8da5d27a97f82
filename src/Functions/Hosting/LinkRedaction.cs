using System.Text.RegularExpressions;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// What must never leave the process in a log line or a span: an emailed link's token is a
/// credential and sits in the URL path (<c>/r/{token}</c>, <c>/u/{token}</c>) or query (<c>t=</c>,
/// <c>d=</c>, <c>key=</c>), in any letter case (routes match <c>/R/</c> and <c>?T=</c> too); the
/// sign-in's <c>next=</c> carries a whole dashboard URL, token and all; an uploaded file's name
/// (<c>fileName=</c>, the old way to name an upload) can name a minor. One rule for logs, exception
/// texts and telemetry alike.
/// </summary>
public static partial class LinkRedaction
{
    /// <summary>Stands where a link token was (the route's own name for it).</summary>
    public const string TokenPlaceholder = "{token}";

    /// <summary>Stands where an uploaded file's name was.</summary>
    public const string NamePlaceholder = "{redacted}";

    /// <summary>The text with every link token and uploaded file name replaced by a placeholder.</summary>
    public static string Redact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IndexOf('/', StringComparison.Ordinal) < 0 && value.IndexOf('=', StringComparison.Ordinal) < 0)
        {
            return value; // the common case in log values: nothing that could hold a link
        }

        var redacted = PathToken().Replace(value, "$1" + TokenPlaceholder);
        redacted = QueryToken().Replace(redacted, "$1" + TokenPlaceholder);
        return QueryFileName().Replace(redacted, "$1" + NamePlaceholder);
    }

    [GeneratedRegex(@"(/(?:r|u)/)[^/?#\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex PathToken();

    [GeneratedRegex(@"((?:^|[?&\s])(?:t|d|key|next)=)[^&#\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"((?:^|[?&\s])fileName=)[^&#\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex QueryFileName();
}
