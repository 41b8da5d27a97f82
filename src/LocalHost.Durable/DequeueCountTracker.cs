using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// Learns each received message's dequeue count from DTFx's own structured log event <c>ReceivedMessage</c>
/// (DTFx keeps the queue message internal), so the poison guard costs no storage request.
/// </summary>
internal sealed class DequeueCountTracker : ILoggerProvider
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<(string Instance, string EventType, int TaskEventId), long> _counts = new();

    public long Get(string instanceId, string eventType, int taskEventId) =>
        _counts.TryGetValue((instanceId, eventType, taskEventId), out var count) ? count : 0;

    public void Forget(string instanceId, string eventType, int taskEventId) =>
        _counts.TryRemove((instanceId, eventType, taskEventId), out _);

    public ILogger CreateLogger(string categoryName) => new TrackingLogger(this);

    public void Dispose()
    {
    }

    private void Observe(EventId eventId, object? state)
    {
        if (eventId.Name != "ReceivedMessage" || state is not IEnumerable<KeyValuePair<string, object?>> fields)
        {
            return;
        }

        string? instance = null, eventType = null;
        int taskEventId = -1;
        long dequeueCount = 0;
        foreach (var (key, value) in fields)
        {
            switch (key)
            {
                case "InstanceId": instance = value as string; break;
                case "EventType": eventType = value as string; break;
                case "TaskEventId": taskEventId = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "DequeueCount": dequeueCount = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default: break;
            }
        }

        if (instance is null || eventType is null)
        {
            return;
        }

        if (_counts.Count > MaxEntries)
        {
            _counts.Clear(); // a bound, not a cache policy: counts only matter for messages being redelivered now
        }

        _counts[(instance, eventType, taskEventId)] = dequeueCount;
    }

    private sealed class TrackingLogger(DequeueCountTracker owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Observe(eventId, state);
    }
}
