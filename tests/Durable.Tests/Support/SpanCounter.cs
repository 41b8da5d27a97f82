using System.Collections.Concurrent;
using System.Diagnostics;

namespace GuanGong.Durable.Tests;

/// <summary>Counts the engine's OpenTelemetry activities (episodes and activity calls) by name.</summary>
internal sealed class SpanCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Name, string? InstanceId, long Requests, bool Local)> _stopped = new();

    public SpanCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DurableTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => _stopped.Enqueue((
                activity.DisplayName,
                activity.GetTagItem("durabletask.instance_id") as string,
                activity.GetTagItem(DurableTelemetry.StorageRequestsTag) is long requests ? requests : 0,
                activity.GetTagItem("durabletask.local") is true)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Episodes of the given instances (other tests run in parallel and emit spans too).</summary>
    public int Episodes(ICollection<string> instanceIds) =>
        _stopped.Count(s => s.Name == "orchestration episode" && s.InstanceId is { } id && instanceIds.Contains(id));

    /// <summary>Activity calls made by the given instances.</summary>
    public int Activities(ICollection<string> instanceIds) =>
        _stopped.Count(s => s.Name.StartsWith("activity ", StringComparison.Ordinal) && s.InstanceId is { } id && instanceIds.Contains(id));

    /// <summary>Activity calls of the given instances that went through the work-item queue (not run locally).</summary>
    public int QueuedActivities(ICollection<string> instanceIds) =>
        _stopped.Count(s => s.Name.StartsWith("activity ", StringComparison.Ordinal) && !s.Local && s.InstanceId is { } id && instanceIds.Contains(id));

    /// <summary>Storage requests made inside the work items (episodes and queued activity calls) of the given instances.</summary>
    public long RequestsInWorkItems(ICollection<string> instanceIds) =>
        _stopped.Where(s => !s.Local && s.InstanceId is { } id && instanceIds.Contains(id)).Sum(s => s.Requests);

    /// <summary>Average storage requests per episode and per activity call of the given instances.</summary>
    public (double Orchestration, double Activity) RequestsPerWorkItem(ICollection<string> instanceIds)
    {
        var mine = _stopped.Where(s => s.InstanceId is { } id && instanceIds.Contains(id)).ToList();
        var episodes = mine.Where(s => s.Name == "orchestration episode").ToList();
        var activities = mine.Where(s => s.Name.StartsWith("activity ", StringComparison.Ordinal)).ToList();
        return (episodes.Average(s => s.Requests), activities.Average(s => s.Requests));
    }

    public void Dispose() => _listener.Dispose();
}
