using System.Globalization;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Cases;

/// <summary>
/// Hands out the 受理编号 a case keeps for life: <c>{year}-{county}-{sequence}</c> (2026-003-0042), where the county
/// part is a small number the county gets the first time one of its cases is accepted (never its internal code) and
/// the sequence counts that county's cases of the year from 1. Stored on the case row (<see cref="CaseRecord.ReceiptNumber"/>),
/// so it is unique by construction, unlike the hash of the case id it replaces (<see cref="CaseNumbers.Legacy"/>), which
/// at province scale (100,000 cases) gave about 50 pairs of cases one number.
/// </summary>
/// <remarks>
/// Each counter is one row of the counters table, advanced with an optimistic-concurrency write (insert for the first
/// value, then replace if the ETag still matches); a writer that loses re-reads and tries again, so concurrent
/// submissions of one county each get their own value. A counter is per county and year rather than one for the
/// province, so submissions of different counties never contend. Assigning is idempotent: a case that has a number
/// keeps it (a redelivered submission, a retry after a crash), and two racing assignments for one case let the case
/// row's own ETag pick one. The loser's value is skipped, as is one taken by a process that crashed before storing it:
/// the sequence can have gaps, never repeats.
/// </remarks>
public sealed class ReceiptNumbers(AppTables tables, CaseStore cases)
{
    private const string CountyPartition = "county";
    private const string CountyCounterRow = "next";
    private const int MaxAttempts = 200;

    /// <summary>The case with its receipt number: the one it has, or a new one stored on its row.</summary>
    public async Task<CaseRecord> AssignAsync(CaseRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ReceiptNumber is not null)
        {
            return record;
        }

        // The committee that gives the verdict is the county (or the level standing in for it) the sequence belongs to.
        var countyCode = record.Chain[^1].CommitteeCode;
        var county = await CountyNumberAsync(countyCode, ct);
        var sequence = await NextAsync("case-" + record.Year.ToString(CultureInfo.InvariantCulture), countyCode, ct);
        var number = Format(record.Year, county, sequence);
        return await cases.UpdateAsync(record.CaseId, c => c.ReceiptNumber is null ? c with { ReceiptNumber = number } : null, ct)
            ?? throw new InvalidOperationException($"Case {record.CaseId} vanished while it was given its receipt number.");
    }

    /// <summary>How a number reads: the year, the county's number (at least three digits), the sequence (at least four).</summary>
    public static string Format(int year, long county, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{county:D3}-{sequence:D4}");

    private async Task<long> CountyNumberAsync(string countyCode, CancellationToken ct)
    {
        if (await tables.Counters.GetAsync(CountyPartition, countyCode, ct) is { } known)
        {
            return known.Value.Last;
        }

        // A county's number is taken once; a county that two first submissions number at once keeps the one stored first.
        var taken = await NextAsync(CountyPartition, CountyCounterRow, ct);
        if (await tables.Counters.TryAddAsync(CountyPartition, countyCode, new ReceiptCounter(ReceiptCounter.CurrentSchemaVersion, taken), cancellationToken: ct))
        {
            return taken;
        }

        return (await tables.Counters.GetAsync(CountyPartition, countyCode, ct))?.Value.Last
            ?? throw new InvalidOperationException($"The number of county {countyCode} conflicted on insert but cannot be read.");
    }

    /// <summary>Advances one counter by one and returns the value it now holds, retrying while other writers win.</summary>
    private async Task<long> NextAsync(string partition, string row, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await tables.Counters.GetAsync(partition, row, ct);
            if (stored is null)
            {
                if (await tables.Counters.TryAddAsync(partition, row, new ReceiptCounter(ReceiptCounter.CurrentSchemaVersion, 1), cancellationToken: ct))
                {
                    return 1;
                }
            }
            else
            {
                var next = stored.Value with { Last = stored.Value.Last + 1 };
                if (await tables.Counters.TryUpdateAsync(partition, row, next, stored.ETag, cancellationToken: ct))
                {
                    return next.Last;
                }
            }

            // Lost to another writer: spread the retries so a burst of submissions does not retry in lock step.
            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 5), ct);
        }

        throw new InvalidOperationException($"Counter {partition}/{row} kept changing under {MaxAttempts} attempts to advance it.");
    }
}
