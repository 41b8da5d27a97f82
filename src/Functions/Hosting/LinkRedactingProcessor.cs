using System.Diagnostics;
using OpenTelemetry;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// Removes link tokens and uploaded file names from spans before export (<see cref="LinkRedaction"/>):
/// anyone reading telemetry must not be able to act as a reviewer, open a minor's ledger or read a minor's name.
/// </summary>
public sealed class LinkRedactingProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.path", "url.query", "url.full", "http.target", "http.url"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = LinkRedaction.Redact(data.DisplayName);
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value)
            {
                data.SetTag(tag, LinkRedaction.Redact(value));
            }
        }
    }
}
