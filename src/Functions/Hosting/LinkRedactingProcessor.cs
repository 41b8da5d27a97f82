using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// Removes link tokens from spans before export: an emailed link's token is a credential and sits
/// in the URL path (<c>/r/{token}</c>, <c>/u/{token}</c>) or query (<c>t=</c>, <c>d=</c>). Anyone
/// reading telemetry must not be able to act as a reviewer or open a minor's ledger.
/// </summary>
public sealed partial class LinkRedactingProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.path", "url.query", "url.full", "http.target", "http.url"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = Redact(data.DisplayName);
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value)
            {
                data.SetTag(tag, Redact(value));
            }
        }
    }

    public static string Redact(string value) => QueryToken().Replace(PathToken().Replace(value, "$1{token}"), "$1{token}");

    [GeneratedRegex(@"(/(?:r|u)/)[^/?#\s]+")]
    private static partial Regex PathToken();

    [GeneratedRegex(@"([?&](?:t|d|key)=)[^&#\s]+")]
    private static partial Regex QueryToken();
}
