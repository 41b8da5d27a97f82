namespace GuanGong.Durable;

public sealed partial class DurableTaskWorker
{
    private async Task ControlLoopAsync(int partition, CancellationToken cancellationToken)
    {
        var idle = _options.MinQueuePollingInterval;
        var woken = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var wake = _backend.Wakeup.WaitTask;
                var batch = await _backend.ReceiveControlMessagesAsync(partition, _options.ControlQueueBatchSize, _options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
                if (batch.Count > 0)
                {
                    Found(partition, woken, ref idle);
                    await ProcessControlBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                    if (batch.Count == _options.ControlQueueBatchSize)
                    {
                        // Perhaps more behind it: look again at once.
                        continue;
                    }
                }

                (idle, woken) = await IdleAsync(partition, wake, idle, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.LoopError(_logger, $"control-{partition}", ex);
                (idle, woken) = await IdleAsync(partition, Task.Delay(Timeout.Infinite, cancellationToken), idle, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WorkItemLoopAsync(CancellationToken cancellationToken)
    {
        var idle = _options.MinQueuePollingInterval;
        var woken = false;
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
                    (idle, woken) = await IdleAsync(queue, wake, idle, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Found(queue, woken, ref idle);
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    held = false;
                    Track(RunActivityAsync(items[i], cancellationToken));
                }

                if (items.Count < room)
                {
                    // The queue was drained: wait like an empty poll (a send in this process still wakes it).
                    (idle, woken) = await IdleAsync(queue, wake, idle, cancellationToken).ConfigureAwait(false);
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
                (idle, woken) = await IdleAsync(queue, Task.Delay(Timeout.Infinite, cancellationToken), idle, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Messages found on a timed poll are news from elsewhere (another process, a redelivery): the
    // queue polls often again, and the idle turns end for every queue. Messages found because this
    // process said it sent them (a wake-up) are not: the back-off goes on, so that an app whose
    // traffic all starts in-process polls no more than its wake-ups ask for.
    private void Found(int queue, bool woken, ref TimeSpan idle)
    {
        // A timed poll that lands just as one of this process's timers comes due found that timer.
        var expected = woken || _polling.TakeWake(queue);
        _polling.Found(queue, expected);
        if (!expected)
        {
            idle = _options.MinQueuePollingInterval;
        }
    }

    // Waits for a wake-up signal (a message this process sent), a targeted wake (a timer this process
    // set is due) or the queue's next poll time, whichever comes first; returns the next, longer
    // back-off and whether a wake-up (rather than the time) ended the wait.
    private async Task<(TimeSpan Next, bool Woken)> IdleAsync(int queue, Task wake, TimeSpan idle, CancellationToken cancellationToken)
    {
        var time = _options.PollingTimeProvider;
        var lastPoll = time.GetUtcNow();
        if (idle >= _options.MaxQueuePollingInterval)
        {
            _polling.Idle(queue);
        }

        var woken = true;
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
                woken = first == wake;
                break;
            }
        }

        var next = TimeSpan.FromTicks(idle.Ticks * 2);
        return (next > _options.MaxQueuePollingInterval ? _options.MaxQueuePollingInterval : next, woken);
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
