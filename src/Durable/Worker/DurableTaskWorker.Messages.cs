using System.Globalization;

namespace GuanGong.Durable;

public sealed partial class DurableTaskWorker
{
    /// <summary>Processes everything visible in the task hub now, repeating until the queues are empty (for tests and tools).</summary>
    /// <param name="cancellationToken">Cancels the drain.</param>
    /// <returns>How many messages were handled.</returns>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var handled = 0;
            for (var partition = 0; partition < _backend.PartitionCount; partition++)
            {
                var batch = await _backend.ReceiveControlMessagesAsync(partition, _options.ControlQueueBatchSize, _options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
                handled += batch.Count;
                await ProcessControlBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            var items = await _backend.ReceiveWorkItemsAsync(32, _options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
            handled += items.Count;
            var running = new List<Task>(items.Count);
            foreach (var item in items)
            {
                await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                running.Add(RunActivityAsync(item, cancellationToken));
            }

            await Task.WhenAll(running).ConfigureAwait(false);
            if (handled == 0)
            {
                return total;
            }

            total += handled;
        }
    }

    /// <summary>
    /// Processes one control-queue message delivered by a queue trigger. The caller deletes the
    /// message when this returns and redelivers it when this throws; past the maximum dequeue count
    /// the message goes to the poison queue and its instance is failed.
    /// </summary>
    /// <param name="messageText">The queue message text.</param>
    /// <param name="dequeueCount">The delivery count the trigger reports.</param>
    /// <param name="cancellationToken">Cancels the processing.</param>
    /// <returns>A task.</returns>
    public async Task ProcessControlMessageAsync(string messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        var message = await _backend.DecodeMessageAsync(messageText, cancellationToken).ConfigureAwait(false);
        var received = new ReceivedMessage(message, dequeueCount, string.Empty, null);
        if (dequeueCount > _options.MaxDequeueCount)
        {
            await HandlePoisonAsync(received, cancellationToken).ConfigureAwait(false);
            return;
        }

        using (await _redeliveries.EnterAsync(dequeueCount, cancellationToken).ConfigureAwait(false))
        {
            await _orchestrations.ProcessAsync(message.InstanceId, [received], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Processes one work-item (activity) message delivered by a queue trigger; see <see cref="ProcessControlMessageAsync"/>.</summary>
    /// <param name="messageText">The queue message text.</param>
    /// <param name="dequeueCount">The delivery count the trigger reports.</param>
    /// <param name="cancellationToken">Cancels the processing.</param>
    /// <returns>A task.</returns>
    public async Task ProcessWorkItemMessageAsync(string messageText, long dequeueCount, CancellationToken cancellationToken = default)
    {
        var message = await _backend.DecodeMessageAsync(messageText, cancellationToken).ConfigureAwait(false);
        var received = new ReceivedMessage(message, dequeueCount, string.Empty, null);
        if (dequeueCount > _options.MaxDequeueCount)
        {
            await HandlePoisonAsync(received, cancellationToken).ConfigureAwait(false);
            return;
        }

        using (await _redeliveries.EnterAsync(dequeueCount, cancellationToken).ConfigureAwait(false))
        {
            await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _activities.ProcessAsync(received, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _activitySlots.Release();
            }
        }
    }

    private async Task ProcessControlBatchAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var healthy = new List<ReceivedMessage>(batch.Count);
        foreach (var message in batch)
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                await HandlePoisonAsync(message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                healthy.Add(message);
            }
        }

        await Task.WhenAll(healthy.GroupBy(m => m.Message.InstanceId, StringComparer.Ordinal)
            .Select(group => RunEpisodeAsync(group.Key, [.. group], cancellationToken))).ConfigureAwait(false);
    }

    private async Task RunEpisodeAsync(string instanceId, List<ReceivedMessage> messages, CancellationToken cancellationToken)
    {
        using var lease = await _redeliveries.EnterAsync(messages.Max(m => m.DequeueCount), cancellationToken).ConfigureAwait(false);
        await _orchestrationSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _orchestrations.ProcessAsync(instanceId, messages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Like a crash: the messages stay in the queue and come back after the visibility timeout.
            Log.EpisodeError(_logger, instanceId, ex);
            await TryRecordErrorAsync(instanceId, ex).ConfigureAwait(false);
        }
        finally
        {
            _orchestrationSlots.Release();
        }
    }

    // Runs with one activity slot already held, and releases it. A redelivered item gives its slot
    // back while it waits to run alone (the gate comes before any slot, see the constructor).
    private async Task RunActivityAsync(ReceivedMessage item, CancellationToken cancellationToken)
    {
        var holdsSlot = true;
        try
        {
            if (item.DequeueCount > _options.MaxDequeueCount)
            {
                await HandlePoisonAsync(item, cancellationToken).ConfigureAwait(false);
                return;
            }

            _activitySlots.Release();
            holdsSlot = false;
            using var lease = await _redeliveries.EnterAsync(item.DequeueCount, cancellationToken).ConfigureAwait(false);
            await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            holdsSlot = true;
            await _activities.ProcessAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ActivityError(_logger, ((TaskScheduledEvent)item.Message.Event).Name, item.Message.InstanceId, ex);
        }
        finally
        {
            if (holdsSlot)
            {
                _activitySlots.Release();
            }
        }
    }

    private async Task HandlePoisonAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var what = message.Message.Event is TaskScheduledEvent task
            ? $"work item for activity '{task.Name}'"
            : $"{message.Message.Event.GetType().Name.Replace("Event", string.Empty, StringComparison.Ordinal)} control message";
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"Poison message: the {what} (message {message.Message.MessageId}) for instance '{message.Message.InstanceId}' was delivered {message.DequeueCount} times without being processed (limit {_options.MaxDequeueCount})");

        // Fail the instance first: if this process dies before the move, the message comes back and
        // is handled again, and the second failure is discarded as a duplicate.
        if (message.Message.Event is not ExecutionCompletedEvent)
        {
            // With local activities the episode is the activities' work item too: say so, or the reason names only the message.
            var local = _options.LocalActivities && !message.Message.IsWorkItem
                ? " Local activities run inside this message's episode: one of them may be what keeps failing."
                : string.Empty;
            var failure = new TaskFailureDetails("GuanGong.Durable.PoisonMessage", reason + "; it was moved to the poison queue and the instance was failed so that it does not wait forever." + local);
            var fail = new ExecutionCompletedEvent(_options.TimeProvider.GetUtcNow(), OrchestrationRuntimeStatus.Failed, null, failure);
            var failMessage = new TaskMessage(Guid.NewGuid().ToString("N"), message.Message.InstanceId, message.Message.ExecutionId, fail);
            if (message.Message.Event is ExecutionStartedEvent)
            {
                // The start itself is the poison: the instance may not exist yet (a start sent without
                // a status row), and a failure sent on its own would find nothing to fail. Record the
                // start and the failure in one episode, here, without running any orchestrator code.
                var start = message with { Receipt = null };
                var failsThisStart = failMessage with { ExecutionId = null }; // no execution exists yet to aim at
                await _orchestrations.ProcessAsync(message.Message.InstanceId, [start, new ReceivedMessage(failsThisStart, 1, message.QueueName, null)], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _wakeups.SendAsync(_backend, failMessage, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
        }

        var poisonQueue = await _backend.MoveToPoisonAsync(message, reason, cancellationToken).ConfigureAwait(false);
        Log.PoisonMessage(_logger, message.Message.InstanceId, poisonQueue, reason);
    }

    private async Task TryRecordErrorAsync(string instanceId, Exception error)
    {
        try
        {
            await _backend.RecordErrorAsync(instanceId, $"{error.GetType().Name}: {error.Message}", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.EpisodeError(_logger, instanceId, ex);
        }
    }
}
