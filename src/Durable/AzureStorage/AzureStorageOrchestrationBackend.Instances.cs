using Azure;
using GuanGong.Storage.Tables;

namespace GuanGong.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc />
    public async Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, bool includeHistory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (!includeHistory)
        {
            var single = await _history.GetEntityIfExistsAsync<TableEntity>(instanceId, SentinelRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return single.HasValue
                ? new InstanceSnapshot(await RecordFromAsync(single.Value!, true, cancellationToken).ConfigureAwait(false), TokenOf(single.Value!, single.Value!.ETag).ToString(), [], [])
                : null;
        }

        if (!FreshReads.Required && _cache.FlushInProgress(instanceId) is { } flush)
        {
            await flush.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var cached = FreshReads.Required ? null : _cache.TryServe(instanceId);
        if (cached is not null)
        {
            return cached;
        }

        var snapshot = await ReadFullAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (snapshot is not null && !FreshReads.Required)
        {
            _cache.Remember(snapshot);
        }

        return snapshot;
    }

    private async Task<InstanceSnapshot?> ReadFullAsync(string instanceId, CancellationToken cancellationToken)
    {
        // One query reads the whole partition: history rows sort before the "sentinel" row.
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in _history.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var sentinel = rows.Find(r => r.RowKey == SentinelRowKey);
        if (sentinel is null)
        {
            return null;
        }

        var token = TokenOf(sentinel, sentinel.ETag);
        var history = new List<HistoryEvent>();
        foreach (var row in rows.Where(r => r.RowKey != SentinelRowKey && string.CompareOrdinal(r.RowKey, RowKeyOf(token.FirstRow)) >= 0 && string.CompareOrdinal(r.RowKey, RowKeyOf(token.NextRow)) < 0))
        {
            history.AddRange(TaskMessageSerializer.DeserializeEvents((await GetLargeAsync(row, "Events", cancellationToken).ConfigureAwait(false))!));
        }

        var outboxJson = await GetLargeAsync(sentinel, "Outbox", cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TaskMessage> outbox = outboxJson is null ? [] : TaskMessageSerializer.DeserializeMessages(outboxJson);
        return new InstanceSnapshot(await RecordFromAsync(sentinel, true, cancellationToken).ConfigureAwait(false), token.ToString(), history, outbox);
    }

    /// <inheritdoc />
    public async Task<string> CreateInstanceAsync(InstanceRecord record, string? replaceETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var previous = replaceETag is null ? (VersionToken?)null : VersionToken.Parse(replaceETag);
        var next = previous?.NextRow ?? 0;
        var sentinel = await StatusEntityAsync(record.InstanceId, SentinelRowKey, record, cancellationToken).ConfigureAwait(false);
        sentinel["FirstRow"] = next;
        sentinel["NextRow"] = next;
        var actions = new List<TableTransactionAction>();
        if (previous is { } replaced)
        {
            AddOldRowDeletes(actions, record.InstanceId, replaced.FirstRow, replaced.NextRow);
        }

        // The sentinel goes last: the new token is its ETag, the last response of the batch.
        actions.Add(previous is { } old
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, sentinel, old.TableETag)
            : new TableTransactionAction(TableTransactionActionType.Add, sentinel));

        var etag = await SubmitAsync(record.InstanceId, actions, cancellationToken, markShared: false).ConfigureAwait(false);
        var token = new VersionToken(etag, next, next).ToString();
        _cache.Created(record, token);
        await MirrorAsync(record, cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <inheritdoc />
    public async Task<string> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var previous = request.ExpectedETag is null ? (VersionToken?)null : VersionToken.Parse(request.ExpectedETag);
        var first = previous?.FirstRow ?? 0;
        var next = previous?.NextRow ?? 0;
        var actions = new List<TableTransactionAction>();
        if (request.StartsNewExecution && previous is { } old)
        {
            AddOldRowDeletes(actions, request.InstanceId, old.FirstRow, old.NextRow);
            first = next;
        }

        if (request.NewEvents.Count > 0)
        {
            var row = new TableEntity(request.InstanceId, RowKeyOf(next))
            {
                ["ExecutionId"] = request.Record.ExecutionId,
                ["EventCount"] = request.NewEvents.Count,
            };
            await SetLargeAsync(row, "Events", TaskMessageSerializer.SerializeEvents(request.NewEvents), request.InstanceId, cancellationToken).ConfigureAwait(false);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            next++;
        }

        var sentinel = await StatusEntityAsync(request.InstanceId, SentinelRowKey, request.Record, cancellationToken).ConfigureAwait(false);
        sentinel["FirstRow"] = first;
        sentinel["NextRow"] = next;
        if (request.Outbox.Count > 0)
        {
            await SetLargeAsync(sentinel, "Outbox", TaskMessageSerializer.SerializeMessages(request.Outbox), request.InstanceId, cancellationToken).ConfigureAwait(false);
        }

        actions.Add(previous is { } expected
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, sentinel, expected.TableETag)
            : new TableTransactionAction(TableTransactionActionType.Add, sentinel));
        var etag = await SubmitAsync(request.InstanceId, actions, cancellationToken, markShared: request.ExpectedETag is not null).ConfigureAwait(false);
        var token = new VersionToken(etag, first, next).ToString();

        // Before the outbox is sent: a reply to it must find the cache already past this checkpoint.
        // The sentinel just replaced also dropped the previous outbox, so its held deletes can go,
        // beside the episode rather than in front of its sends.
        StartHeldDeletes(_cache.Advance(request, token));
        if (IndexChanged(request.PreviousRecord, request.Record))
        {
            await MirrorAsync(request.Record, cancellationToken).ConfigureAwait(false);
        }

        return token;
    }

    /// <inheritdoc />
    public async Task<string?> ClearOutboxAsync(string instanceId, string etag, CancellationToken cancellationToken = default)
    {
        if (TryDeferClear(instanceId, etag))
        {
            return etag;
        }

        var token = VersionToken.Parse(etag);
        var patch = new TableEntity(instanceId, SentinelRowKey) { ["Outbox"] = string.Empty, ["OutboxBlob"] = string.Empty };
        try
        {
            var response = await _history.UpdateEntityAsync(patch, token.TableETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            var cleared = (token with { TableETag = ETagOf(response) }).ToString();
            _cache.OutboxCleared(instanceId, etag, cleared);
            return cleared;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            _cache.MarkShared(instanceId, bounce: false);
            return null;
        }
    }

    /// <inheritdoc />
    public async Task RecordErrorAsync(string instanceId, string error, CancellationToken cancellationToken = default)
    {
        var patch = new TableEntity(instanceId, SentinelRowKey) { ["LastError"] = error };

        // The merge moves the sentinel's ETag: a cached token would only fail the next checkpoint.
        _cache.Forget(instanceId);
        try
        {
            await _history.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing to annotate: the instance was never created or has been purged.
        }
    }

    /// <inheritdoc />
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        _cache.Forget(instanceId);
        var keys = new List<string>();
        await foreach (var row in _history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        foreach (var chunk in keys.Chunk(100))
        {
            await _history.SubmitTransactionAsync(
                chunk.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, key), ETag.All)),
                cancellationToken).ConfigureAwait(false);
        }

        await _instances.DeleteEntityAsync(instanceId, string.Empty, ETag.All, cancellationToken).ConfigureAwait(false);
        await _payloads.DeleteAllAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return keys.Count > 0;
    }

    // A failed checkpoint means another process wrote the instance (the conflicting episode's
    // messages are re-queued, so deleting the originals stays right); a failed creation only means
    // the instance exists.
    private async Task<ETag> SubmitAsync(string instanceId, List<TableTransactionAction> actions, CancellationToken cancellationToken, bool markShared)
    {
        try
        {
            var response = await _history.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return ETagOf(response.Value[^1]);
        }
        catch (RequestFailedException ex) when (IsConflict(ex))
        {
            if (markShared)
            {
                _cache.MarkShared(instanceId, bounce: false);
            }

            throw new CheckpointConflictException(instanceId, ex);
        }
    }

    // Rows of a replaced execution are dropped in the same transaction while they fit; any left
    // over lie outside the sentinel's row range, are never read, and go with the purge.
    private static void AddOldRowDeletes(List<TableTransactionAction> actions, string instanceId, long firstRow, long nextRow)
    {
        for (var row = firstRow; row < nextRow && actions.Count < 90; row++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, RowKeyOf(row)), ETag.All));
        }
    }

    // Queries filter on status, name and creation time and show input, output and custom status;
    // an episode that changes none of them (most of a running instance's life) skips the index write.
    private static bool IndexChanged(InstanceRecord? previous, InstanceRecord next) =>
        previous is null
        || previous.RuntimeStatus != next.RuntimeStatus
        || previous.ExecutionId != next.ExecutionId
        || previous.Version != next.Version
        || previous.CustomStatus != next.CustomStatus
        || previous.Output != next.Output;

    // The Instances table is a query index written after the atomic checkpoint; a single
    // instance's status is always read from the sentinel instead.
    private async Task MirrorAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var mirror = await StatusEntityAsync(record.InstanceId, string.Empty, record, cancellationToken).ConfigureAwait(false);
        await _instances.UpsertEntityAsync(mirror, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
