using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>
/// Runs one episode of one instance and checkpoints it. The checkpoint order is what makes
/// delivery at-least-once but effects exactly-once in history: (1) history, status and outbox
/// are written atomically under the ETag; (2) the outbox is sent; (3) the outbox is marked sent;
/// (4) the consumed messages are deleted. A crash anywhere replays: consumed messages come back,
/// are recognised as already in history and discarded, and an outbox left unsent is re-sent first.
/// </summary>
internal sealed partial class OrchestrationProcessor(
    IOrchestrationBackend backend,
    DurableTaskRegistry registry,
    DurableTaskWorkerOptions options,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    LocalActivityRunner? localActivities,
    SendWakeups wakeups)
{
    // How long messages wait while another worker finishes sending a checkpoint's outbox.
    private static readonly TimeSpan OutboxBusyDelay = TimeSpan.FromSeconds(1);

    private readonly ILogger _logger = loggerFactory.CreateLogger("GuanGong.Durable.Orchestration");

    public async Task ProcessAsync(string instanceId, IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        var due = new List<ReceivedMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (message.Message.DueAt is { } dueAt && dueAt > now)
            {
                // A timer (or delayed start) longer than one queue delay: send it on for the next slice.
                await SendAsync(message.Message, Min(dueAt - now, backend.MaxMessageDelay), cancellationToken).ConfigureAwait(false);
                await DeleteAsync(message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                due.Add(message);
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        using var span = DurableTelemetry.Source.StartActivity("orchestration episode", ActivityKind.Internal);
        span?.SetTag("durabletask.instance_id", instanceId);
        using var requests = StorageRequestScope.Begin();
        try
        {
            await RunEpisodeAsync(instanceId, due, now, span, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DurableTelemetry.RecordRequests(span, requests, "orchestration");
        }
    }

    private async Task RunEpisodeAsync(string instanceId, List<ReceivedMessage> due, DateTimeOffset now, Activity? span, CancellationToken cancellationToken)
    {
        var snapshot = await backend.ReadInstanceAsync(instanceId, includeHistory: true, cancellationToken).ConfigureAwait(false);
        if (snapshot is { Outbox.Count: > 0 })
        {
            // An unsent outbox means a checkpoint is still sending, or its worker died. Only a
            // redelivered message proves the latter (its episode committed but never deleted it);
            // otherwise wait, so a live worker's messages are not sent twice.
            var probe = new HistoryIndex(snapshot.History);
            if (due.All(m => probe.Accepts(m.Message, snapshot.Record.ExecutionId)))
            {
                await RequeueAsync(due, cancellationToken, OutboxBusyDelay).ConfigureAwait(false);
                return;
            }

            snapshot = await RecoverOutboxAsync(snapshot, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                await RequeueAsync(due, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // A finished child started again by a parent (the parent was replaced and re-ran with the
        // same deterministic child id) becomes a new execution instead of ignoring the start.
        var restart = snapshot is { Record.IsTerminal: true } && due.Select(m => m.Message.Event).OfType<ExecutionStartedEvent>()
            .FirstOrDefault(s => s.Parent is not null && s.ExecutionId != snapshot.Record.ExecutionId) is { } childStart
            ? childStart
            : null;
        if (restart is not null)
        {
            snapshot = snapshot! with
            {
                History = [],
                Record = snapshot.Record with { ExecutionId = restart.ExecutionId, RuntimeStatus = OrchestrationRuntimeStatus.Pending, CreatedAt = now, Output = null, FailureDetails = null, CustomStatus = null },
            };
        }

        var index = new HistoryIndex(snapshot?.History ?? []);
        var newEvents = new List<HistoryEvent>();
        var starting = snapshot is null && due.Any(m => m.Message.Event is ExecutionStartedEvent);
        foreach (var message in due)
        {
            // Events for an instance that does not exist are dropped, unless its start is among them
            // (a poisoned start is recorded with its failure in one episode).
            if (snapshot is null && !starting)
            {
                Log.UnknownInstance(_logger, instanceId, message.Message.MessageId, message.Message.Event.GetType().Name);
            }
            else if (index.Accepts(message.Message, snapshot?.Record.ExecutionId))
            {
                newEvents.Add(message.Message.Event);
            }
            else
            {
                Log.MessageDiscarded(_logger, instanceId, message.Message.MessageId, message.Message.Event.GetType().Name);
            }
        }

        if (newEvents.Count == 0)
        {
            await DeleteAllAsync(due, cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = await BuildCheckpointAsync(instanceId, snapshot, newEvents, now, due, span, cancellationToken).ConfigureAwait(false);
        if (restart is not null)
        {
            request = request with { StartsNewExecution = true };
        }

        span?.SetTag("durabletask.task_name", request.Record.Name);
        span?.SetTag("durabletask.runtime_status", request.Record.RuntimeStatus.ToString());
        await FaultAsync(CheckpointStep.BeforeHistoryWrite, instanceId).ConfigureAwait(false);
        string etag;
        try
        {
            etag = await backend.CheckpointAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (CheckpointConflictException)
        {
            Log.CheckpointConflict(_logger, instanceId);
            await RequeueAsync(due, cancellationToken).ConfigureAwait(false);
            return;
        }

        await FaultAsync(CheckpointStep.AfterHistoryWrite, instanceId).ConfigureAwait(false);
        await FaultAsync(CheckpointStep.BeforeSend, instanceId).ConfigureAwait(false);
        await SendAllAsync(request.Outbox, cancellationToken).ConfigureAwait(false);
        await FaultAsync(CheckpointStep.AfterSend, instanceId).ConfigureAwait(false);
        if (request.Outbox.Count > 0 && await backend.ClearOutboxAsync(instanceId, etag, cancellationToken).ConfigureAwait(false) is null)
        {
            // Someone touched the instance first: keep the consumed messages, so their redelivery
            // proves this checkpoint finished and lets the next episode clear the outbox.
            return;
        }

        await FaultAsync(CheckpointStep.BeforeDelete, instanceId).ConfigureAwait(false);
        await DeleteAllAsync(due, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InstanceSnapshot?> RecoverOutboxAsync(InstanceSnapshot snapshot, CancellationToken cancellationToken)
    {
        await SendAllAsync(snapshot.Outbox, cancellationToken).ConfigureAwait(false);
        Log.OutboxRecovered(_logger, snapshot.Record.InstanceId, snapshot.Outbox.Count);
        var etag = await backend.ClearOutboxAsync(snapshot.Record.InstanceId, snapshot.ETag, cancellationToken).ConfigureAwait(false);
        return etag is null ? null : snapshot with { ETag = etag, Outbox = [] };
    }

    private async Task SendAllAsync(IReadOnlyList<TaskMessage> outbox, CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        foreach (var message in outbox)
        {
            var delay = message.DueAt is { } dueAt && dueAt > now ? Min(dueAt - now, backend.MaxMessageDelay) : TimeSpan.Zero;
            await SendAsync(message, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    // A conflict is not the message's fault: send a fresh copy (dequeue count 1) rather than
    // letting repeated conflicts push it towards the poison limit.
    private async Task RequeueAsync(List<ReceivedMessage> messages, CancellationToken cancellationToken, TimeSpan delay = default)
    {
        foreach (var message in messages)
        {
            await SendAsync(message.Message, delay, cancellationToken).ConfigureAwait(false);
            await DeleteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    // The backend wakes every loop of this process for a message visible at once, and none for a
    // delayed one (a timer); the worker wakes the one loop of the message's queue, at its due time.
    private Task SendAsync(TaskMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        wakeups.SendAsync(backend, message, delay, cancellationToken);

    private async Task DeleteAllAsync(List<ReceivedMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await DeleteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        message.Receipt is null ? Task.CompletedTask : backend.DeleteMessageAsync(message, cancellationToken);

    private ValueTask FaultAsync(CheckpointStep step, string instanceId) =>
        options.FaultInjector is { } inject ? inject(step, instanceId) : ValueTask.CompletedTask;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
