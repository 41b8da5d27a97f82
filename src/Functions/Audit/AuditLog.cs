using System.Collections.Concurrent;
using System.Globalization;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Audit;

/// <summary>
/// Appends hash-chained audit entries per stream (a case id): partition = stream, row = the
/// zero-padded sequence, inserted only if absent, so two writers racing for the same sequence
/// cannot both win — the loser re-reads and chains onto the winner.
/// </summary>
/// <remarks>
/// The last entry this process wrote or read of each stream is remembered, and the next append
/// first tries to chain onto it without reading the stream. That cannot fork or gap the chain: rows
/// are only ever inserted, never changed or removed, and each is inserted only after its predecessor
/// existed, so inserting sequence n + 1 succeeds exactly when the remembered entry n is still the
/// stored head; if another host appended meanwhile, the insert conflicts and the stream is read.
/// </remarks>
public sealed class AuditLog(AppTables tables, TimeProvider time)
{
    private const int MaxRememberedHeads = 10_000;
    private const int MaxAttempts = 10;

    private readonly ConcurrentDictionary<string, AuditEntry> _heads = new(StringComparer.Ordinal);

    public async Task<AuditEntry> AppendAsync(string stream, string actor, string action, string? detail, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        if (_heads.TryGetValue(stream, out var head)
            && AuditChain.Append(head, stream, time.GetUtcNow(), actor, action, detail, origin?.IpAddress, origin?.UserAgent) is var next
            && await TryInsertAsync(next, cancellationToken))
        {
            return next;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entries = await ReadAsync(stream, cancellationToken);
            var entry = AuditChain.Append(entries.Count == 0 ? null : entries[^1], stream, time.GetUtcNow(), actor, action, detail, origin?.IpAddress, origin?.UserAgent);
            if (await TryInsertAsync(entry, cancellationToken))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"Could not append to the audit stream {stream}: too many concurrent writers.");
    }

    /// <summary>
    /// Appends an entry unless the stream already holds one that <paramref name="isSame"/> recognises
    /// (then returns that one): for steps that a retried activity, or two hosts, may try to record
    /// more than once. Always reads the stream, so the check sees what every host wrote.
    /// </summary>
    public async Task<AuditEntry> AppendOnceAsync(
        string stream, Func<AuditEntry, bool> isSame, DateTimeOffset at, string actor, string action, string? detail, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isSame);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entries = await ReadAsync(stream, cancellationToken);
            if (entries.FirstOrDefault(isSame) is { } recorded)
            {
                return recorded;
            }

            var entry = AuditChain.Append(entries.Count == 0 ? null : entries[^1], stream, at, actor, action, detail, origin?.IpAddress, origin?.UserAgent);
            if (await TryInsertAsync(entry, cancellationToken))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"Could not append to the audit stream {stream}: too many concurrent writers.");
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string stream, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditEntry> entries = [.. (await tables.Audit.ListPartitionAsync(stream, cancellationToken)).Select(r => r.Value).OrderBy(e => e.Sequence)];
        if (entries.Count > 0)
        {
            Remember(entries[^1]);
        }

        return entries;
    }

    private async Task<bool> TryInsertAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (!await tables.Audit.TryAddAsync(entry.Stream, RowKey(entry.Sequence), entry, cancellationToken: cancellationToken))
        {
            return false;
        }

        Remember(entry);
        return true;
    }

    private void Remember(AuditEntry entry)
    {
        if (_heads.Count >= MaxRememberedHeads)
        {
            _heads.Clear();
        }

        // Keep the furthest entry seen: a slow read must not wind a stream's head back.
        _heads.AddOrUpdate(entry.Stream, entry, (_, known) => known.Sequence >= entry.Sequence ? known : entry);
    }

    private static string RowKey(long sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);
}
