namespace GuanGong.Durable;

public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc />
    public Task SendAsync(TaskMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (visibilityDelay > MaxMessageDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), visibilityDelay, "A message cannot be delayed longer than the backend's maximum message delay.");
        }

        var text = TaskMessageSerializer.Serialize(message);
        lock (_gate)
        {
            var queue = QueueFor(message);
            queue.Add(text, _time.GetUtcNow() + (visibilityDelay > TimeSpan.Zero ? visibilityDelay : TimeSpan.Zero));
            if (visibilityDelay > TimeSpan.Zero)
            {
                ArmWakeup(visibilityDelay);
            }
        }

        if (visibilityDelay <= TimeSpan.Zero)
        {
            Wakeup.Signal();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReceivedMessage>> ReceiveControlMessagesAsync(int partition, int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReceivedMessage>>(Receive(_control[partition], maxCount, visibilityTimeout));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReceivedMessage>> ReceiveWorkItemsAsync(int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReceivedMessage>>(Receive(_workItems, maxCount, visibilityTimeout));

    /// <inheritdoc />
    public Task<ReceivedMessage?> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Receipt is not InMemoryReceipt receipt)
        {
            return Task.FromResult<ReceivedMessage?>(message);
        }

        lock (_gate)
        {
            var renewed = receipt.Queue.Renew(receipt, _time.GetUtcNow() + visibilityTimeout);
            return Task.FromResult(renewed is null ? null : message with { Receipt = renewed });
        }
    }

    /// <inheritdoc />
    public Task DeleteMessageAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Receipt is InMemoryReceipt receipt)
        {
            lock (_gate)
            {
                receipt.Queue.Delete(receipt.Id, receipt.PopReceipt);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string> MoveToPoisonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = QueueFor(message.Message).Name + "-poison";
        lock (_gate)
        {
            if (!_poison.TryGetValue(name, out var poison))
            {
                poison = new InMemoryQueue(name);
                _poison[name] = poison;
            }

            poison.Add(TaskMessageSerializer.Serialize(message.Message), _time.GetUtcNow());
            if (message.Receipt is InMemoryReceipt receipt)
            {
                receipt.Queue.Delete(receipt.Id, receipt.PopReceipt);
            }
        }

        return Task.FromResult(name);
    }

    /// <inheritdoc />
    public Task<TaskMessage> DecodeMessageAsync(string messageText, CancellationToken cancellationToken = default) =>
        Task.FromResult(TaskMessageSerializer.Deserialize(messageText));

    private InMemoryQueue QueueFor(TaskMessage message) =>
        message.IsWorkItem ? _workItems : _control[PartitionHash.Of(message.InstanceId, PartitionCount)];

    private List<ReceivedMessage> Receive(InMemoryQueue queue, int maxCount, TimeSpan visibilityTimeout)
    {
        List<(string Text, long DequeueCount, InMemoryReceipt Receipt)> raw;
        lock (_gate)
        {
            raw = queue.Receive(maxCount, _time.GetUtcNow(), visibilityTimeout);
            if (raw.Count > 0)
            {
                ArmWakeup(visibilityTimeout);
            }
        }

        return [.. raw.Select(r => new ReceivedMessage(TaskMessageSerializer.Deserialize(r.Text), r.DequeueCount, queue.Name, r.Receipt))];
    }

    // A hidden message that becomes visible wakes the dispatchers, so a test that advances a fake
    // clock does not have to wait for a polling interval.
    private void ArmWakeup(TimeSpan dueIn)
    {
        ITimer? timer = null;
        timer = _time.CreateTimer(
            _ =>
            {
                lock (_gate)
                {
                    _visibilityTimers.Remove(timer!);
                }

                timer!.Dispose();
                Wakeup.Signal();
            },
            null,
            dueIn,
            Timeout.InfiniteTimeSpan);
        _visibilityTimers.Add(timer);
    }
}
