using System.Globalization;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Audit;

/// <summary>
/// Appends hash-chained audit entries per stream (a case id): partition = stream, row = the
/// zero-padded sequence, inserted only if absent, so two writers racing for the same sequence
/// cannot both win — the loser re-reads and chains onto the winner.
/// </summary>
public sealed class AuditLog(AppTables tables, TimeProvider time)
{
    public async Task<AuditEntry> AppendAsync(string stream, string actor, string action, string? detail, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var entries = await ReadAsync(stream, cancellationToken);
            var entry = AuditChain.Append(entries.Count == 0 ? null : entries[^1], stream, time.GetUtcNow(), actor, action, detail, origin?.IpAddress, origin?.UserAgent);
            if (await tables.Audit.TryAddAsync(stream, RowKey(entry.Sequence), entry, cancellationToken: cancellationToken))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"Could not append to the audit stream {stream}: too many concurrent writers.");
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string stream, CancellationToken cancellationToken) =>
        [.. (await tables.Audit.ListPartitionAsync(stream, cancellationToken)).Select(r => r.Value).OrderBy(e => e.Sequence)];

    private static string RowKey(long sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);
}
