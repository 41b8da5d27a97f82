using System.Diagnostics.Metrics;
using GuanGong.Durable;

namespace GuanGong.Benchmarks.Engine;

/// <summary>
/// Counts the engine's work items (orchestration episodes and activity calls) and the storage
/// requests each made, by listening to the engine's own per-work-item histogram, so the benchmark
/// counts exactly what the engine calls a work item.
/// </summary>
public sealed class WorkItemMeter : IDisposable
{
    private const string InstrumentName = "durabletask.storage_requests_per_work_item";

    private readonly MeterListener _listener = new();
    private long _orchestrationItems;
    private long _activityItems;
    private long _requests;

    public WorkItemMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Matched by name: the engine's instruments are published from its static initialiser,
            // where reading the property this listener is waiting for would still give null.
            if (instrument.Meter.Name == DurableTelemetry.SourceName && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public long OrchestrationItems => Interlocked.Read(ref _orchestrationItems);

    public long ActivityItems => Interlocked.Read(ref _activityItems);

    public long WorkItems => OrchestrationItems + ActivityItems;

    /// <summary>Storage requests made inside work items (not the idle polls between them).</summary>
    public long RequestsInWorkItems => Interlocked.Read(ref _requests);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long requests, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        Interlocked.Add(ref _requests, requests);
        foreach (var tag in tags)
        {
            if (tag.Key == "kind" && tag.Value is "activity")
            {
                Interlocked.Increment(ref _activityItems);
                return;
            }
        }

        Interlocked.Increment(ref _orchestrationItems);
    }
}
