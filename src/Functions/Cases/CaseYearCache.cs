using System.Diagnostics;
using Azure;
using GuanGong.Functions.Records;
using Azure.Data.Tables;

namespace GuanGong.Functions.Cases;

/// <summary>
/// This process's copy of the cases of a few campaign years, brought up to date on every read by
/// one query for the rows changed since its previous query: a warm read of a year with nothing new
/// costs one small query instead of the whole partition (5,000 rows of full case JSON).
/// </summary>
/// <remarks>
/// Changes made by any host show in the next read: the query asks for <c>Timestamp ge</c> the
/// storage service's time (its <c>Date</c> header) when it answered the previous query, minus
/// <see cref="DefaultMargin"/>. The service's clock on both sides means the app's own clock plays no part;
/// the margin covers a write stamped before that answer but visible only after it (a write in
/// flight) and skew between the service's front ends and its partition servers. So a warm read
/// fetches the rows changed since the last read plus those within the margin before it (their JSON
/// is parsed again only when the ETag changed); after a quiet spell, none. Cases are never deleted
/// and never change partition, so merging rows by key is the whole update.
/// Readers that queue behind a refresh which started after they arrived take its result instead of
/// querying again. At most <see cref="MaxYears"/> campaign years are kept (least recently read
/// goes): a case takes about 6 KB in memory with a short self-inspection report, so a year of a
/// 5,000-unit city is about 30 MB.
/// </remarks>
internal sealed class CaseYearCache(TableClient table, TimeSpan? margin = null)
{
    public const int MaxYears = 4;

    public static readonly TimeSpan DefaultMargin = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _margin = margin ?? DefaultMargin;
    private readonly Dictionary<string, Year> _years = new(StringComparer.Ordinal);
    private long _reads;

    /// <summary>How many rows the last completed refresh brought (what a warm read costs in transfer).</summary>
    public int LastFetched { get; private set; }

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
        var filter = year.Since is { } since
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Timestamp ge {since}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        DateTimeOffset? served = null;
        DateTimeOffset? newest = null;
        var fetched = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).AsPages())
        {
            served ??= page.GetRawResponse().Headers.Date;
            foreach (var entity in page.Values)
            {
                fetched++;
                if (!year.Rows.TryGetValue(entity.RowKey, out var known) || known.ETag != entity.ETag)
                {
                    year.Rows[entity.RowKey] = new Row(entity.ETag, RecordTable<CaseRecord>.Read(entity).Value);
                }

                if (entity.Timestamp is { } stamp && (newest is null || stamp > newest))
                {
                    newest = stamp;
                }
            }
        }

        // Only a query that ran to the end moves the mark (rows merged by a failed one are still
        // current). The storage service's own time when it served the first page, minus the margin,
        // bounds what this query could have missed; without that header, the newest row seen does.
        if ((served ?? newest) is { } mark)
        {
            year.Since = mark - _margin;
        }

        LastFetched = fetched;

        year.RefreshStarted = started;
    }

    private sealed record Row(ETag ETag, CaseRecord Record);

    private sealed class Year
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<string, Row> Rows { get; } = new(StringComparer.Ordinal);

        /// <summary>The next refresh asks for rows stamped at or after this (server time).</summary>
        public DateTimeOffset? Since { get; set; }

        public long RefreshStarted { get; set; } = long.MinValue;

        public long LastRead { get; set; }
    }
}
