namespace GuanGong.Durable;

public sealed partial class DurableTaskWorker
{
    private async Task ControlLoopAsync(int partition, CancellationToken cancellationToken)
    {
        var idle = _options.MinQueuePollingInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var wake = _backend.Wakeup.WaitTask;
                var batch = await _backend.ReceiveControlMessagesAsync(partition, _options.ControlQueueBatchSize, _options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
                if (batch.Count > 0)
                {
                    idle = _options.MinQueuePollingInterval;
                    _polling.Found(partition);
                    await ProcessControlBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                idle = await IdleAsync(partition, wake, idle, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.LoopError(_logger, $"control-{partition}", ex);
                idle = await IdleAsync(partition, Task.Delay(Timeout.Infinite, cancellationToken), idle, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WorkItemLoopAsync(CancellationToken cancellationToken)
    {
        var idle = _options.MinQueuePollingInterval;
        var queue = _backend.PartitionCount;
        while (!cancellationToken.IsCancellationRequested)
        {
            var held = false;
            try
            {
                await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                held = true;
                var wake = _backend.Wakeup.WaitTask;
                var room = Math.Min(32, _activitySlots.CurrentCount + 1);
                var items = await _backend.ReceiveWorkItemsAsync(room, _options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
                if (items.Count == 0)
                {
                    held = false;
                    _activitySlots.Release();
                    idle = await IdleAsync(queue, wake, idle, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                idle = _options.MinQueuePollingInterval;
                _polling.Found(queue);
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    held = false;
                    Track(RunActivityAsync(items[i], cancellationToken));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (held)
                {
                    _activitySlots.Release();
                }

                Log.LoopError(_logger, "workitems", ex);
                idle = await IdleAsync(queue, Task.Delay(Timeout.Infinite, cancellationToken), idle, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Waits for a wake-up signal (a message this process sent), a targeted wake (a timer this process
    // set is due) or the queue's next poll time, whichever comes first; returns the next, longer back-off.
    private async Task<TimeSpan> IdleAsync(int queue, Task wake, TimeSpan idle, CancellationToken cancellationToken)
    {
        var time = _options.PollingTimeProvider;
        var lastPoll = time.GetUtcNow();
        if (idle >= _options.MaxQueuePollingInterval)
        {
            _polling.Idle(queue);
        }

        while (!_polling.TakeWake(queue))
        {
            var changed = _polling.ChangedTask(queue);
            var wait = _polling.NextPoll(queue, lastPoll, idle) - time.GetUtcNow();
            using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sleep = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, sleeping.Token);
            var first = await Task.WhenAny(wake, changed, sleep).ConfigureAwait(false);
            await sleeping.CancelAsync().ConfigureAwait(false);
            if (first != changed)
            {
                break;
            }
        }

        var next = TimeSpan.FromTicks(idle.Ticks * 2);
        return next > _options.MaxQueuePollingInterval ? _options.MaxQueuePollingInterval : next;
    }

    private void Track(Task task)
    {
        lock (_inflightGate)
        {
            _inflight.Add(task);
        }

        task.ContinueWith(
            finished =>
            {
                lock (_inflightGate)
                {
                    _inflight.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
