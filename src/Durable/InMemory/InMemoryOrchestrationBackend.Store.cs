using System.Globalization;

namespace GuanGong.Durable;

public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc />
    public Task<InstanceSnapshot?> ReadInstanceAsync(string instanceId, bool includeHistory, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var stored))
            {
                return Task.FromResult<InstanceSnapshot?>(null);
            }

            return Task.FromResult<InstanceSnapshot?>(new InstanceSnapshot(
                stored.Record,
                stored.ETag,
                includeHistory ? [.. stored.History] : [],
                includeHistory ? [.. stored.Outbox] : []));
        }
    }

    /// <inheritdoc />
    public Task<string> CreateInstanceAsync(InstanceRecord record, string? replaceETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var exists = _instances.TryGetValue(record.InstanceId, out var stored);
            if (exists != (replaceETag is not null) || (stored is not null && stored.ETag != replaceETag))
            {
                throw new CheckpointConflictException(record.InstanceId);
            }

            var etag = NextETag();
            _instances[record.InstanceId] = new StoredInstance(record, etag);
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task<string> CheckpointAsync(CheckpointRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            _instances.TryGetValue(request.InstanceId, out var stored);
            if (stored?.ETag != request.ExpectedETag)
            {
                throw new CheckpointConflictException(request.InstanceId);
            }

            var etag = NextETag();
            if (stored is null)
            {
                stored = new StoredInstance(request.Record, etag);
                _instances[request.InstanceId] = stored;
            }

            if (request.StartsNewExecution)
            {
                stored.History.Clear();
            }

            stored.History.AddRange(request.NewEvents);
            stored.Outbox.Clear();
            stored.Outbox.AddRange(request.Outbox);
            stored.Record = request.Record;
            stored.ETag = etag;
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task<string?> ClearOutboxAsync(string instanceId, string etag, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var stored) || stored.ETag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            stored.Outbox.Clear();
            stored.ETag = NextETag();
            return Task.FromResult<string?>(stored.ETag);
        }
    }

    /// <inheritdoc />
    public Task RecordErrorAsync(string instanceId, string error, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(instanceId, out var stored))
            {
                stored.Record = stored.Record with { LastError = error };
                stored.ETag = NextETag();
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<InstancePage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var skip = query.ContinuationToken is null ? 0 : int.Parse(query.ContinuationToken, CultureInfo.InvariantCulture);
            var matching = _instances.Values.Select(s => s.Record).Where(query.Matches).OrderBy(r => r.InstanceId, StringComparer.Ordinal).ToList();
            var page = matching.Skip(skip).Take(query.PageSize).ToList();
            var next = skip + page.Count < matching.Count ? (skip + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new InstancePage(page, next));
        }
    }

    /// <inheritdoc />
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.Remove(instanceId));
        }
    }
}
