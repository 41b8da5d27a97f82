using System.Text;
using Azure;
using GuanGong.Storage.Queues;
using GuanGong.Storage.Queues.Models;
using GuanGong.Storage.Tables;

namespace GuanGong.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    // A queue message that does not fit is replaced by this prefix and a blob name.
    private const string BlobReferencePrefix = "blob:";

    /// <inheritdoc />
    public async Task SendAsync(TaskMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (visibilityDelay > MaxMessageDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), visibilityDelay, "A message cannot be delayed longer than the backend's maximum message delay.");
        }

        var text = await EncodeAsync(message, cancellationToken).ConfigureAwait(false);
        var delay = visibilityDelay > TimeSpan.Zero ? visibilityDelay : (TimeSpan?)null;

        // Messages live as long as the queue allows (-1 s = never expire): a timer slice or a
        // backlog must not silently disappear after the default 7-day time-to-live.
        await QueueFor(message).SendMessageAsync(text, delay, TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        if (delay is null)
        {
            Wakeup.Signal();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReceivedMessage>> ReceiveControlMessagesAsync(int partition, int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        ReceiveAsync(_control[partition], maxCount, visibilityTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReceivedMessage>> ReceiveWorkItemsAsync(int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        ReceiveAsync(_workItems, maxCount, visibilityTimeout, cancellationToken);

    /// <inheritdoc />
    public async Task<ReceivedMessage?> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Receipt is not QueueReceipt receipt)
        {
            return message;
        }

        try
        {
            var updated = await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, null, visibilityTimeout, cancellationToken).ConfigureAwait(false);
            return message with { Receipt = receipt with { PopReceipt = updated.Value.PopReceipt } };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task DeleteMessageAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Receipt is not QueueReceipt receipt)
        {
            return;
        }

        if (!message.Message.IsWorkItem
            && (!await MayDeleteAsync(message.Message.InstanceId, receipt, cancellationToken).ConfigureAwait(false)
                || _cache.TryHoldDelete(message.Message.InstanceId, receipt)))
        {
            return;
        }

        await DeleteReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DeleteReceiptAsync(QueueReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await receipt.Queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Already deleted, or re-delivered to someone else after its visibility timeout:
            // that delivery will be recognised as a duplicate and deleted by its receiver.
        }
    }

    /// <inheritdoc />
    public async Task<string> MoveToPoisonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var poison = _queueService.GetQueueClient(TaskHubNames.Poison(QueueFor(message.Message).Name));
        bool created;
        lock (_createdPoisonQueues)
        {
            created = _createdPoisonQueues.Contains(poison.Name);
        }

        if (!created)
        {
            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            lock (_createdPoisonQueues)
            {
                _createdPoisonQueues.Add(poison.Name);
            }
        }

        await poison.SendMessageAsync(await EncodeAsync(message.Message, cancellationToken).ConfigureAwait(false), null, TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        await DeleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
        return poison.Name;
    }

    /// <inheritdoc />
    public Task<TaskMessage> DecodeMessageAsync(string messageText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);

        // Only a queue trigger hands this backend message text: the trigger deletes what the
        // episode consumed, so no delete can be checked against the cache, and it must go.
        _cache.Disable();
        return DecodeAsync(messageText, cancellationToken);
    }

    private async Task<TaskMessage> DecodeAsync(string messageText, CancellationToken cancellationToken)
    {
        var json = messageText.StartsWith(BlobReferencePrefix, StringComparison.Ordinal)
            ? await _payloads.GetAsync(messageText[BlobReferencePrefix.Length..], cancellationToken).ConfigureAwait(false)
            : messageText;
        return TaskMessageSerializer.Deserialize(json);
    }

    /// <summary>The queue a message is routed to (for tests and tools that inspect queues).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The queue's name.</returns>
    public string QueueNameFor(TaskMessage message) => QueueFor(message).Name;

    private QueueClient QueueFor(TaskMessage message) =>
        message.IsWorkItem ? _workItems : _control[PartitionHash.Of(message.InstanceId, PartitionCount)];

    private async Task<string> EncodeAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        var json = TaskMessageSerializer.Serialize(message);
        return Encoding.UTF8.GetByteCount(json) <= _options.LargeMessageThreshold
            ? json
            : BlobReferencePrefix + await _payloads.PutAsync($"messages/{message.InstanceId}", json, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(QueueClient queue, int maxCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var response = await queue.ReceiveMessagesAsync(Math.Clamp(maxCount, 1, QueueClient.MaxMessagesPerReceive), visibilityTimeout, cancellationToken).ConfigureAwait(false);
        var received = new List<ReceivedMessage>(response.Value.Length);
        foreach (QueueMessage message in response.Value)
        {
            var decoded = await DecodeAsync(message.MessageText, cancellationToken).ConfigureAwait(false);
            received.Add(new ReceivedMessage(decoded, message.DequeueCount, queue.Name, new QueueReceipt(queue, message.MessageId, message.PopReceipt)));
        }

        return received;
    }

    // A control message consumed by an episode that read a cached history is deleted only once the
    // sentinel proves that history was current; otherwise it is made visible again, so it is judged
    // against the stored history instead of being lost (see InstanceHistoryCache).
    private async Task<bool> MayDeleteAsync(string instanceId, QueueReceipt receipt, CancellationToken cancellationToken)
    {
        var (check, token) = _cache.CheckDelete(instanceId);
        if (check == InstanceHistoryCache.DeleteCheck.Verify)
        {
            var sentinel = await _history.GetEntityIfExistsAsync<TableEntity>(instanceId, SentinelRowKey, [nameof(TableEntity.RowKey)], cancellationToken).ConfigureAwait(false);
            if (sentinel.HasValue && sentinel.Value!.ETag == VersionToken.Parse(token!).TableETag)
            {
                _cache.Confirmed(instanceId, token!);
                return true;
            }

            _cache.MarkShared(instanceId, bounce: true);
            check = InstanceHistoryCache.DeleteCheck.Bounce;
        }

        if (check == InstanceHistoryCache.DeleteCheck.Bounce)
        {
            try
            {
                await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, null, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 400)
            {
                // Already re-delivered to another receiver, which will judge it afresh.
            }

            return false;
        }

        return true;
    }

    private sealed record QueueReceipt(QueueClient Queue, string MessageId, string PopReceipt);
}
