using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GuanGong.Durable;

/// <summary>The engine's OpenTelemetry-compatible activity source: one activity per episode and per activity call.</summary>
public static class DurableTelemetry
{
    /// <summary>The source name to subscribe to (<c>AddSource("GuanGong.Durable")</c>).</summary>
    public const string SourceName = "GuanGong.Durable";

    /// <summary>The activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, "1.0.0");

    /// <summary>The engine's meter (<c>AddMeter("GuanGong.Durable")</c>).</summary>
    public static Meter Meter { get; } = new(SourceName, "1.0.0");

    /// <summary>Storage requests made by one work item, tagged <c>kind</c> = orchestration or activity.</summary>
    public static Histogram<long> StorageRequestsPerWorkItem { get; } =
        Meter.CreateHistogram<long>("durabletask.storage_requests_per_work_item", unit: "{request}", description: "Storage requests made while processing one work item.");

    /// <summary>The span tag that carries the work item's storage request count.</summary>
    public const string StorageRequestsTag = "durabletask.storage_requests";

    internal static void RecordRequests(Activity? span, StorageRequestScope requests, string kind)
    {
        span?.SetTag(StorageRequestsTag, requests.Count);
        StorageRequestsPerWorkItem.Record(requests.Count, new KeyValuePair<string, object?>("kind", kind));
    }
}
