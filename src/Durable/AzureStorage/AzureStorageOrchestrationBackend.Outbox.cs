using Azure;
using GuanGong.Storage.Tables;

namespace GuanGong.Durable.AzureStorage;

/// <remarks>
/// After sending a checkpoint's outbox the engine marks it sent, so that the next reader does not
/// wait for it or send it again. For an instance cached here that mark is deferred: the instance's
/// next checkpoint replaces the sentinel, outbox included, in its own transaction, which saves a
/// table write per episode. Until then the consumed messages are held back (not deleted): if this
/// process dies, they are redelivered, and a redelivered message is what tells the next reader
/// that a stored outbox may be unsent. A clear that waits longer than
/// <see cref="AzureStorageBackendOptions.OutboxClearDelay"/> (the instance waits for a timer or an
/// event) is written on its own, with the held deletes after it.
/// </remarks>
public sealed partial class AzureStorageOrchestrationBackend : IAsyncDisposable, IDisposable
{
    private readonly Lock _flushGate = new();
    private readonly HashSet<Task> _backgroundDeletes = [];
    private ITimer? _flushTimer;
    private int _flushing;

    /// <summary>Writes every deferred outbox clear and the deletes held behind it (at shutdown; also done on a timer).</summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    /// <returns>A task.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var pending in _cache.TakeAll())
        {
            await FlushAsync(pending, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the flush timer and writes what is still deferred.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        ITimer? timer;
        lock (_flushGate)
        {
            timer = _flushTimer;
            _flushTimer = null;
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        Task[] deletes;
        lock (_flushGate)
        {
            deletes = [.. _backgroundDeletes];
        }

        await Task.WhenAll(deletes).ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Like <see cref="DisposeAsync"/>, for a container disposed synchronously (shutdown only: it blocks on the flush).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private bool TryDeferClear(string instanceId, string etag)
    {
        if (_options.OutboxClearDelay <= TimeSpan.Zero || !_cache.TryDeferClear(instanceId, etag, _options.TimeProvider.GetUtcNow()))
        {
            return false;
        }

        lock (_flushGate)
        {
            if (_flushTimer is null)
            {
                var period = TimeSpan.FromTicks(Math.Max(_options.OutboxClearDelay.Ticks / 2, TimeSpan.FromMilliseconds(50).Ticks));
                _flushTimer = _options.TimeProvider.CreateTimer(_ => _ = FlushDueAsync(), null, period, period);
            }
        }

        return true;
    }

    private async Task FlushDueAsync()
    {
        if (Interlocked.Exchange(ref _flushing, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var pending in _cache.TakeDue(_options.TimeProvider.GetUtcNow(), _options.OutboxClearDelay))
            {
                await FlushAsync(pending, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _flushing, 0);
        }
    }

    private async Task FlushAsync(PendingClear pending, CancellationToken cancellationToken)
    {
        try
        {
            var token = VersionToken.Parse(pending.Token);
            var patch = new TableEntity(pending.InstanceId, SentinelRowKey) { ["Outbox"] = string.Empty, ["OutboxBlob"] = string.Empty };
            string? cleared;
            try
            {
                var response = await _history.UpdateEntityAsync(patch, token.TableETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                cleared = (token with { TableETag = ETagOf(response) }).ToString();
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // The sentinel moved on: whoever wrote it dealt with the outbox (or it was purged).
                cleared = null;
            }

            await DeleteHeldAsync(pending.HeldDeletes, cancellationToken).ConfigureAwait(false);
            _cache.Flushed(pending, cleared, failed: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Kept for the next round; the held messages stay invisible meanwhile.
            _cache.Flushed(pending, null, failed: true);
        }
    }

    private void StartHeldDeletes(IReadOnlyList<object> held)
    {
        if (held.Count == 0)
        {
            return;
        }

        var task = DeleteHeldQuietlyAsync(held);
        lock (_flushGate)
        {
            _backgroundDeletes.Add(task);
        }

        task.ContinueWith(
            done =>
            {
                lock (_flushGate)
                {
                    _backgroundDeletes.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    // A delete that fails leaves its message to be redelivered after the visibility timeout,
    // where it is recognised as already in history: nothing to report to the episode.
    private static async Task DeleteHeldQuietlyAsync(IReadOnlyList<object> held)
    {
        await Task.Yield();
        try
        {
            await DeleteHeldAsync(held, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Redelivered later and discarded as a duplicate.
        }
    }

    private static async Task DeleteHeldAsync(IReadOnlyList<object> held, CancellationToken cancellationToken)
    {
        foreach (var receipt in held.OfType<QueueReceipt>())
        {
            await DeleteReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
        }
    }
}
