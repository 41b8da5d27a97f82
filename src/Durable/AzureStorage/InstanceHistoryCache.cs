namespace GuanGong.Durable.AzureStorage;

/// <summary>
/// Keeps each instance's history in memory after this process wrote it (like Durable's extended
/// sessions), so the next episode of the instance skips the history query.
/// </summary>
/// <remarks>
/// <para>
/// A cached snapshot can be stale only when another process wrote the instance. A checkpoint made
/// from it is safe: it presents the cached ETag and fails with a conflict. But an episode that
/// decides from it without checkpointing (it judges every message a duplicate and deletes them)
/// could lose a message the fresh history would have accepted, such as the result of an activity
/// the other process scheduled. So a served snapshot stays "unconfirmed" until a checkpoint or an
/// outbox clear succeeds on top of it; deleting a control message while it is unconfirmed first
/// checks the sentinel's ETag (<see cref="DeleteCheck.Verify"/>), and when it has moved the message
/// is made visible again instead (<see cref="DeleteCheck.Bounce"/>) and re-read from storage.
/// </para>
/// <para>
/// An instance another process has written is marked shared and read from storage from then on:
/// with several hosts on one task hub the cache would otherwise cost a failed checkpoint whenever
/// an instance moves between them.
/// </para>
/// </remarks>
internal sealed class InstanceHistoryCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Most recently used first; eviction walks from the end.
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _gate = new();
    private bool _disabled;

    /// <summary>What deleting a consumed control message must do first.</summary>
    internal enum DeleteCheck
    {
        /// <summary>Delete it: the decision was made from a confirmed snapshot.</summary>
        Proceed,

        /// <summary>Read the sentinel first: the decision was made from a cached, unconfirmed snapshot.</summary>
        Verify,

        /// <summary>Do not delete: the decision was made from a stale snapshot; make the message visible again.</summary>
        Bounce,
    }

    public bool IsEnabled
    {
        get
        {
            lock (_gate)
            {
                return capacity > 0 && !_disabled;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Stops caching for good (a queue trigger deletes the messages, so a delete cannot be checked).</summary>
    public void Disable()
    {
        lock (_gate)
        {
            _disabled = true;
            foreach (var node in _entries.Values.ToList())
            {
                node.Value.Snapshot = null;
                node.Value.ServedToken = null;
                node.Value.Shared = false;
                node.Value.Bounce = false;
                RemoveIfIdle(node.Value);
            }
        }
    }

    /// <summary>The write of the instance's deferred clear, when one is under way (an episode waits for it rather than read around it).</summary>
    public Task? FlushInProgress(string instanceId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(instanceId, out var node) ? node.Value.FlushDone?.Task : null;
        }
    }

    /// <summary>The cached snapshot, marked unconfirmed until a write on top of it succeeds; null when the caller must read storage.</summary>
    public InstanceSnapshot? TryServe(string instanceId)
    {
        lock (_gate)
        {
            if (!IsUsable() || !_entries.TryGetValue(instanceId, out var node) || node.Value.Flushing || node.Value.Snapshot is not { } snapshot)
            {
                return null;
            }

            node.Value.ServedToken = snapshot.ETag;
            Touch(node);
            return snapshot;
        }
    }

    /// <summary>Records a snapshot just read from storage (fresh by definition).</summary>
    public void Remember(InstanceSnapshot snapshot)
    {
        lock (_gate)
        {
            if (!IsUsable())
            {
                return;
            }

            var entry = GetOrAdd(snapshot.Record.InstanceId);
            entry.Bounce = false;
            entry.ServedToken = null;

            // An outbox in storage belongs to a checkpoint still sending or to a dead one: what the
            // next episode does about it depends on storage, not memory. One that is not this
            // process's deferred clear means another process works on the instance too: stop
            // deferring and caching it, so the two do not keep waiting for each other's clears.
            if (snapshot.Outbox.Count > 0 && entry.PendingClear is null)
            {
                entry.Shared = true;
            }

            entry.Snapshot = entry.Shared || snapshot.Record.IsTerminal || snapshot.Outbox.Count > 0 ? null : snapshot;
            Trim();
        }
    }

    /// <summary>
    /// Moves the cached snapshot past a committed checkpoint, or drops it when the checkpoint was
    /// not made from it. Returns the deletes held back for a previous outbox: the checkpoint
    /// replaced the sentinel, so that outbox is gone from storage and they can go now.
    /// </summary>
    public IReadOnlyList<object> Advance(CheckpointRequest request, string newToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(request.InstanceId, out var node))
            {
                if (IsUsable() && request.ExpectedETag is null && !request.Record.IsTerminal)
                {
                    var created = GetOrAdd(request.InstanceId);
                    created.Snapshot = new InstanceSnapshot(request.Record, newToken, [.. request.NewEvents], request.Outbox);
                    Trim();
                }

                return [];
            }

            var entry = node.Value;
            var released = TakePending(entry);
            entry.ServedToken = null;
            var basis = entry.Snapshot;
            var fromCache = request.ExpectedETag is null ? basis is null : basis?.ETag == request.ExpectedETag;
            if (!IsUsable() || entry.Shared || !fromCache || request.Record.IsTerminal)
            {
                // A finished instance rarely runs again; one checkpointed from elsewhere has a history we do not hold.
                entry.Snapshot = null;
                RemoveIfIdle(entry);
                return released;
            }

            List<HistoryEvent> history = request.StartsNewExecution || basis is null ? [.. request.NewEvents] : [.. basis.History, .. request.NewEvents];
            entry.Snapshot = new InstanceSnapshot(request.Record, newToken, history, request.Outbox);
            Trim();
            return released;
        }
    }

    /// <summary>Records an instance this process created (empty history).</summary>
    public void Created(InstanceRecord record, string token)
    {
        lock (_gate)
        {
            if (!IsUsable())
            {
                return;
            }

            // A worker here may already have read or advanced the instance between the insert and
            // this call: never replace a snapshot with this older one.
            var entry = GetOrAdd(record.InstanceId);
            if (!entry.Shared && entry.Snapshot is null && entry.PendingClear is null)
            {
                entry.Snapshot = new InstanceSnapshot(record, token, [], []);
            }

            Trim();
        }
    }

    /// <summary>Records that the outbox written with <paramref name="oldToken"/> was sent and cleared in storage.</summary>
    public void OutboxCleared(string instanceId, string oldToken, string newToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(instanceId, out var node) && node.Value.Snapshot is { } snapshot && snapshot.ETag == oldToken)
            {
                node.Value.Snapshot = snapshot with { ETag = newToken, Outbox = [] };
                node.Value.ServedToken = null;
            }
            else
            {
                ForgetCore(instanceId);
            }
        }
    }

    /// <summary>Another process wrote the instance: read it from storage from now on; with <paramref name="bounce"/>, also refuse deletes until the next read.</summary>
    public void MarkShared(string instanceId, bool bounce)
    {
        lock (_gate)
        {
            if (!IsUsable())
            {
                return;
            }

            var entry = GetOrAdd(instanceId);
            entry.Shared = true;
            entry.Snapshot = null;
            entry.ServedToken = null;
            entry.Bounce = bounce;
            Trim();
        }
    }

    /// <summary>Drops the cached snapshot (the instance changed in a way the cache cannot follow), keeping any pending delete check.</summary>
    public void Forget(string instanceId)
    {
        lock (_gate)
        {
            ForgetCore(instanceId);
        }
    }

    /// <summary>
    /// Marks the cached outbox written with <paramref name="token"/> as sent without writing
    /// storage, when the instance is cached at that token. Until a later checkpoint replaces the
    /// sentinel (or <see cref="TakeDue"/> hands the clear to a flush) the consumed messages are held
    /// back too (<see cref="TryHoldDelete"/>): if this process dies, they come back and their
    /// redelivery tells the next reader that the stored outbox may be unsent.
    /// </summary>
    public bool TryDeferClear(string instanceId, string token, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!IsUsable() || !_entries.TryGetValue(instanceId, out var node)
                || node.Value is not { Shared: false, Flushing: false, Snapshot: { } snapshot } entry || snapshot.ETag != token)
            {
                return false;
            }

            entry.Snapshot = snapshot with { Outbox = [] };
            entry.PendingClear ??= token;
            entry.PendingSince ??= now;
            return true;
        }
    }

    /// <summary>Holds back a consumed message's delete while the instance's outbox clear is deferred.</summary>
    public bool TryHoldDelete(string instanceId, object receipt)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node) || node.Value is not { PendingClear: not null, Flushing: false } entry)
            {
                return false;
            }

            entry.HeldDeletes.Add(receipt);
            return true;
        }
    }

    /// <summary>Deferred clears older than <paramref name="delay"/>, handed to the caller to write (each is marked as flushing).</summary>
    public IReadOnlyList<PendingClear> TakeDue(DateTimeOffset now, TimeSpan delay)
    {
        lock (_gate)
        {
            var due = new List<PendingClear>();
            foreach (var node in _entries.Values)
            {
                // An entry an episode is deciding from is left alone (its checkpoint supersedes the
                // clear, and a clear now would fail that checkpoint), unless the episode died.
                if (node.Value is { PendingClear: { } token, PendingSince: { } since, Flushing: false } entry
                    && (now - since >= delay * (entry.ServedToken is null ? 1 : 10) || now == DateTimeOffset.MaxValue))
                {
                    entry.FlushDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    due.Add(new PendingClear(entry.InstanceId, token, [.. entry.HeldDeletes]));
                    entry.HeldDeletes.Clear();
                }
            }

            return due;
        }
    }

    /// <summary>Every deferred clear, for a shutdown flush.</summary>
    public IReadOnlyList<PendingClear> TakeAll() => TakeDue(DateTimeOffset.MaxValue, TimeSpan.Zero);

    /// <summary>The flush of <paramref name="pending"/> ended: written (<paramref name="newToken"/>), superseded or refused (null), or failed (retry later).</summary>
    public void Flushed(PendingClear pending, string? newToken, bool failed)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(pending.InstanceId, out var node))
            {
                return;
            }

            var entry = node.Value;
            entry.FlushDone?.TrySetResult();
            entry.FlushDone = null;
            if (entry.PendingClear != pending.Token)
            {
                return;
            }

            if (failed)
            {
                entry.HeldDeletes.AddRange(pending.HeldDeletes);
                return;
            }

            entry.PendingClear = null;
            entry.PendingSince = null;
            if (newToken is not null && entry.Snapshot is { } snapshot && snapshot.ETag == pending.Token)
            {
                entry.Snapshot = snapshot with { ETag = newToken, Outbox = [] };
            }
            else
            {
                entry.Snapshot = null;
            }

            RemoveIfIdle(entry);
        }
    }

    /// <summary>What a delete of one of the instance's control messages must do first, and the token to verify against.</summary>
    public (DeleteCheck Check, string? Token) CheckDelete(string instanceId)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node))
            {
                return (DeleteCheck.Proceed, null);
            }

            return node.Value switch
            {
                { Bounce: true } => (DeleteCheck.Bounce, null),
                { ServedToken: { } token } => (DeleteCheck.Verify, token),
                _ => (DeleteCheck.Proceed, null),
            };
        }
    }

    /// <summary>The sentinel still carries <paramref name="token"/>'s ETag: the served snapshot was fresh.</summary>
    public void Confirmed(string instanceId, string token)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(instanceId, out var node) && node.Value.ServedToken == token)
            {
                node.Value.ServedToken = null;
            }
        }
    }

    private bool IsUsable() => capacity > 0 && !_disabled;

    private static List<object> TakePending(Entry entry)
    {
        if (entry.PendingClear is null || entry.Flushing)
        {
            return [];
        }

        List<object> released = [.. entry.HeldDeletes];
        entry.HeldDeletes.Clear();
        entry.PendingClear = null;
        entry.PendingSince = null;
        return released;
    }

    private void RemoveIfIdle(Entry entry)
    {
        if (entry is { Snapshot: null, ServedToken: null, Bounce: false, Shared: false, PendingClear: null })
        {
            Remove(entry.InstanceId);
        }
    }

    private void ForgetCore(string instanceId)
    {
        if (_entries.TryGetValue(instanceId, out var node))
        {
            node.Value.Snapshot = null;
            RemoveIfIdle(node.Value);
        }
    }

    private Entry GetOrAdd(string instanceId)
    {
        if (_entries.TryGetValue(instanceId, out var node))
        {
            Touch(node);
            return node.Value;
        }

        node = _order.AddFirst(new Entry(instanceId));
        _entries.Add(instanceId, node);
        return node.Value;
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _order.AddFirst(node);
    }

    private void Remove(string instanceId)
    {
        if (_entries.Remove(instanceId, out var node))
        {
            _order.Remove(node);
        }
    }

    // Least recently used first; an entry an episode is still deciding from (or must refuse
    // deletes for) stays, so the check on its deletes cannot be lost. The count can therefore
    // exceed the capacity by the number of episodes in flight.
    private void Trim()
    {
        var node = _order.Last;
        while (_entries.Count > capacity && node is not null)
        {
            var previous = node.Previous;
            if (node.Value is { ServedToken: null, Bounce: false, PendingClear: null })
            {
                Remove(node.Value.InstanceId);
            }

            node = previous;
        }
    }

    private sealed class Entry(string instanceId)
    {
        public string InstanceId { get; } = instanceId;

        public InstanceSnapshot? Snapshot { get; set; }

        /// <summary>The token of a snapshot served from the cache that no write has confirmed yet.</summary>
        public string? ServedToken { get; set; }

        public bool Shared { get; set; }

        public bool Bounce { get; set; }

        /// <summary>The token whose outbox was sent but is still in storage (its clear is deferred).</summary>
        public string? PendingClear { get; set; }

        public DateTimeOffset? PendingSince { get; set; }

        /// <summary>Set while this entry's deferred clear is being written; completes when it is.</summary>
        public TaskCompletionSource? FlushDone { get; set; }

        public bool Flushing => FlushDone is not null;

        public List<object> HeldDeletes { get; } = [];
    }
}
