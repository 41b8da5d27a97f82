using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Instance {InstanceId}: episode with {EventCount} new event(s) ended {Status}, {ActionCount} new call(s).")]
    public static partial void EpisodeCompleted(ILogger logger, string instanceId, int eventCount, OrchestrationRuntimeStatus status, int actionCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Instance {InstanceId}: checkpoint conflict, another worker advanced it; the messages are re-queued.")]
    public static partial void CheckpointConflict(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Instance {InstanceId}: message {MessageId} ({Kind}) is a duplicate or stale and was discarded.")]
    public static partial void MessageDiscarded(ILogger logger, string instanceId, string messageId, string kind);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Poison message for instance {InstanceId} moved to {PoisonQueue}: {Reason}")]
    public static partial void PoisonMessage(ILogger logger, string instanceId, string poisonQueue, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Processing instance {InstanceId} failed; its messages will be redelivered.")]
    public static partial void EpisodeError(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Activity {Name} for instance {InstanceId} could not be completed; the work item will be redelivered.")]
    public static partial void ActivityError(ILogger logger, string name, string instanceId, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Message {MessageId} ({Kind}) is for unknown instance {InstanceId} and was discarded.")]
    public static partial void UnknownInstance(ILogger logger, string instanceId, string messageId, string kind);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Instance {InstanceId}: re-sent {Count} outbox message(s) left by an interrupted checkpoint.")]
    public static partial void OutboxRecovered(ILogger logger, string instanceId, int count);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Dispatcher loop {Loop} failed; retrying.")]
    public static partial void LoopError(ILogger logger, string loop, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Activity {Name} (#{TaskId}) for instance {InstanceId} finished: {Outcome}.")]
    public static partial void ActivityCompleted(ILogger logger, string name, int taskId, string instanceId, string outcome);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Instance {InstanceId}: a consumed message could not be kept hidden while local activities ran; another worker may run the episode too (its checkpoint conflicts and is dropped).")]
    public static partial void RenewalFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Instance {InstanceId}: ran {Count} activity call(s) locally in {Rounds} round(s); {Queued} call(s) queued.")]
    public static partial void LocalActivitiesRan(ILogger logger, string instanceId, int count, int rounds, int queued);
}
