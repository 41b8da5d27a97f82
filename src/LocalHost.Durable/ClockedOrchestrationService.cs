using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// The engine clock, for tests that run on a fake clock. DTFx reads the wall clock in two places: it stamps each
/// episode's OrchestratorStarted event (which becomes the orchestration's <c>CurrentUtcDateTime</c>), and it
/// writes a durable timer as a queue message made visible at its FireAt. Under another clock this decorator
/// stamps the episode with the engine clock (<see cref="StampEpisodeAsync"/>, a dispatcher middleware: the stamp
/// is written to history, so replays read the same time), and keeps timer messages back when an orchestration
/// work item completes, sending each one when the engine clock reaches its FireAt. So an orchestration lives
/// wholly on the engine clock: a deadline worked out by an activity from the app's TimeProvider, a retry's
/// back-off and a timer computed from <c>CurrentUtcDateTime</c> all fire when that clock says so. Everything else
/// goes straight to the wrapped service. Held timers live in memory only.
/// </summary>
internal sealed class ClockedOrchestrationService(
    IOrchestrationService inner,
    IOrchestrationServiceClient sender,
    TimeProvider clock,
    ILogger logger) : ForwardingOrchestrationService(inner), IAsyncDisposable
{
    private readonly ConcurrentDictionary<ITimer, byte> _held = new();

    /// <summary>Timers held and not yet delivered.</summary>
    public int HeldTimerCount => _held.Count;

    public override async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        await Inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, [], continuedAsNewMessage, orchestrationState);

        // Held only after the work item is committed, so a timer can never overtake the state that created it.
        foreach (var message in timerMessages ?? [])
        {
            Hold(message);
        }
    }

    /// <summary>
    /// Stamps the episode about to run with the engine clock: DTFx added its OrchestratorStarted event with the wall
    /// clock just before the dispatch pipeline. Only the new event is changed; history keeps what earlier episodes saw.
    /// </summary>
    public Task StampEpisodeAsync(DurableTask.Core.Middleware.DispatchMiddlewareContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetProperty<OrchestrationRuntimeState>() is { } state)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var started in state.NewEvents.OfType<OrchestratorStartedEvent>())
            {
                started.Timestamp = now;
            }
        }

        return next();
    }

    private void Hold(TaskMessage message)
    {
        if (message.Event is not TimerFiredEvent fired)
        {
            _ = SendAsync(message);
            return;
        }

        // Everything in the orchestration is on the engine clock (its episodes are stamped with it), FireAt included.
        var remaining = fired.FireAt - clock.GetUtcNow().UtcDateTime;
        if (remaining <= TimeSpan.Zero)
        {
            // Due already (a timer at CurrentUtcDateTime, a retry with no back-off): a fake clock would only fire
            // a zero-length timer when it next moves, so send it now.
            _ = SendAsync(Due(message, fired));
            return;
        }

        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                if (timer is not null && _held.TryRemove(timer, out byte _))
                {
                    timer.Dispose();
                }

                _ = SendAsync(Due(message, fired));
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        _held[timer] = 0;
        timer.Change(remaining, Timeout.InfiniteTimeSpan);
    }

    // The message DTFx delivers when the engine clock has reached the timer. Its FireAt is the wall clock's now:
    // the Azure Storage backend makes a message invisible until its FireAt on the wall clock, and the
    // orchestration matches a fired timer by its id, not its time.
    private static TaskMessage Due(TaskMessage message, TimerFiredEvent fired) => new()
    {
        OrchestrationInstance = message.OrchestrationInstance,
        Event = new TimerFiredEvent(-1, TimeProvider.System.GetUtcNow().UtcDateTime) { TimerId = fired.TimerId },
    };

    private async Task SendAsync(TaskMessage message)
    {
        try
        {
            await sender.SendTaskOrchestrationMessageAsync(message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not deliver a held timer to {InstanceId}", message.OrchestrationInstance.InstanceId);
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var timer in _held.Keys)
        {
            timer.Dispose();
        }

        _held.Clear();
        return ValueTask.CompletedTask;
    }
}
