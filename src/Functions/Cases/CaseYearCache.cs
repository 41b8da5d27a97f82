using System.Diagnostics;
using Azure;
using GuanGong.Functions.Records;
using GuanGong.Storage.Tables;

namespace GuanGong.Functions.Cases;

/// <summary>
/// This process's copy of the cases of a few campaign years, brought up to date on every read by
/// one query for the rows changed since the newest change it has seen: a warm read of a year with
/// nothing new costs one small query instead of the whole partition (5,000 rows of full case JSON).
/// </summary>
/// <remarks>
/// Changes made by any host show in the next read: the query asks for <c>Timestamp ge</c> the
/// newest <em>server</em> timestamp already seen, minus <see cref="Margin"/>. Server timestamps mean
/// the app's own clock plays no part; the margin covers a write that was stamped before the newest
/// row seen but became visible only after that query (a write in flight), so rows changed within
/// the margin are fetched again (their JSON is only parsed when the ETag changed). Cases are never
/// deleted and never change partition, so merging rows by key is the whole update.
/// Readers that queue behind a refresh which started after they arrived take its result instead of
/// querying again. At most <see cref="MaxYears"/> campaign years are kept (least recently read goes).
/// </remarks>
internal sealed class CaseYearCache(TableClient table)
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    public const int MaxYears = 8;

    private readonly Dictionary<string, Year> _years = new(StringComparer.Ordinal);
    private long _reads;

    /// <summary>Every case in the partition, as of a query that started after this call did.</summary>
    public async Task<IReadOnlyList<CaseRecord>> ListAsync(string partition, CancellationToken cancellationToken)
    {
        var arrived = Stopwatch.GetTimestamp();
        var year = Enter(partition);
        await year.Gate.WaitAsync(cancellationToken);
        try
        {
            if (year.RefreshStarted < arrived)
            {
                await RefreshAsync(partition, year, cancellationToken);
            }

            return [.. year.Rows.Values.Select(r => r.Record)];
        }
        finally
        {
            year.Gate.Release();
        }
    }

    private Year Enter(string partition)
    {
        lock (_years)
        {
            if (!_years.TryGetValue(partition, out var year))
            {
                if (_years.Count >= MaxYears)
                {
                    _years.Remove(_years.MinBy(y => y.Value.LastRead).Key);
                }

                year = new Year();
                _years[partition] = year;
            }

            year.LastRead = ++_reads;
            return year;
        }
    }

    private async Task RefreshAsync(string partition, Year year, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var filter = year.Newest is { } newest
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Timestamp ge {newest - Margin}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var seen = year.Newest;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!year.Rows.TryGetValue(entity.RowKey, out var known) || known.ETag != entity.ETag)
            {
                year.Rows[entity.RowKey] = new Row(entity.ETag, RecordTable<CaseRecord>.Read(entity).Value);
            }

            if (entity.Timestamp is { } stamp && (seen is null || stamp > seen))
            {
                seen = stamp;
            }
        }

        // Only a query that ran to the end moves the mark; rows merged by a failed one are still current.
        year.Newest = seen;
        year.RefreshStarted = started;
    }

    private sealed record Row(ETag ETag, CaseRecord Record);

    private sealed class Year
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<string, Row> Rows { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? Newest { get; set; }

        public long RefreshStarted { get; set; } = long.MinValue;

        public long LastRead { get; set; }
    }
}
