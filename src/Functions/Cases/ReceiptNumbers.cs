using System.Collections.Concurrent;
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
/// value, then replace if the ETag still matches); a writer that loses re-reads and tries again. A counter is per county
/// and year rather than one for the province, so submissions of different counties never contend. A process takes the
/// sequence in blocks of <see cref="BlockSize"/> (one counter write per block) and hands the block out in memory, so a
/// submission costs no counter request but every tenth; in a burst the blocks grow and the next is taken ahead (see
/// <see cref="NextInBlockAsync"/>), so a burst of one county's submissions does not queue on one row; the county's own
/// number is read once per process. A new case gets its number before it is stored, in
/// the same insert. What a number is never given to: one taken for a submission whose case turned out to exist
/// already, and the rest of a block (in a burst, of two blocks: up to twice <see cref="MaxBlockSize"/>) when the process
/// stops — the sequence can have gaps, never repeats, and with
/// more than one instance it is not in submission order. Assigning an old case (stored without a number) is
/// idempotent: two racing assignments let the case row's own ETag pick one.
/// </remarks>
public sealed class ReceiptNumbers(AppTables tables, CaseStore cases, TimeProvider time)
{
    /// <summary>How many sequence numbers a process takes from a counter at once, when submissions come at an everyday pace.</summary>
    public const int BlockSize = 10;

    /// <summary>The largest block a burst grows to: what the process may leave unused when it stops in one.</summary>
    public const int MaxBlockSize = 80;

    private static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CalmWindow = TimeSpan.FromMinutes(1);

    private const string CountyPartition = "county";
    private const string CountyCounterRow = "next";
    private const int MaxAttempts = 200;

    private readonly ConcurrentDictionary<string, CountySlot> _counties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Block> _blocks = new(StringComparer.Ordinal);

    /// <summary>A new number for <paramref name="record"/>, a case about to be stored for the first time.</summary>
    public async Task<string> TakeAsync(CaseRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        // The committee that gives the verdict is the county (or the level standing in for it) the sequence belongs to.
        var countyCode = record.Chain[^1].CommitteeCode;
        var county = await CountyNumberAsync(countyCode, ct);
        var sequence = await NextInBlockAsync("case-" + record.Year.ToString(CultureInfo.InvariantCulture), countyCode, ct);
        return Format(record.Year, county, sequence);
    }

    /// <summary>The case with its receipt number: the one it has, or a new one stored on its row (a case stored without one).</summary>
    public async Task<CaseRecord> AssignAsync(CaseRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ReceiptNumber is not null)
        {
            return record;
        }

        var number = await TakeAsync(record, ct);
        return await cases.UpdateAsync(record.CaseId, c => c.ReceiptNumber is null ? c with { ReceiptNumber = number } : null, ct)
            ?? throw new InvalidOperationException($"Case {record.CaseId} vanished while it was given its receipt number.");
    }

    /// <summary>How a number reads: the year, the county's number (at least three digits), the sequence (at least four).</summary>
    public static string Format(int year, long county, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{county:D3}-{sequence:D4}");

    private async Task<long> CountyNumberAsync(string countyCode, CancellationToken ct)
    {
        var county = _counties.GetOrAdd(countyCode, static _ => new CountySlot());
        if (county.Number is var cached and > 0)
        {
            return cached;
        }

        // One lookup per county in this process: the first submissions of a county arriving together would
        // otherwise each read the county's row, miss it, and take a county number of their own only to lose the
        // insert — numbers burnt (the next county's skips them) and a stampede of requests on the counters.
        await county.Gate.WaitAsync(ct);
        try
        {
            if (county.Number == 0)
            {
                county.Number = await LookUpOrTakeCountyNumberAsync(countyCode, ct);
            }

            return county.Number;
        }
        finally
        {
            county.Gate.Release();
        }
    }

    private async Task<long> LookUpOrTakeCountyNumberAsync(string countyCode, CancellationToken ct)
    {
        if (await tables.Counters.GetAsync(CountyPartition, countyCode, ct) is { } known)
        {
            return known.Value.Last;
        }

        // A county's number is taken once; a county that two instances number at once keeps the one stored first.
        var taken = await AdvanceAsync(CountyPartition, CountyCounterRow, 1, ct);
        if (await tables.Counters.TryAddAsync(CountyPartition, countyCode, new ReceiptCounter(ReceiptCounter.CurrentSchemaVersion, taken), cancellationToken: ct))
        {
            return taken;
        }

        return (await tables.Counters.GetAsync(CountyPartition, countyCode, ct))?.Value.Last
            ?? throw new InvalidOperationException($"The number of county {countyCode} conflicted on insert but cannot be read.");
    }

    /// <summary>
    /// The next number of this process's block of one counter, taking a new block when it is used up. A block used up
    /// within <see cref="BurstWindow"/> of its taking means a burst (a deadline day): the next block is twice as large, up
    /// to <see cref="MaxBlockSize"/>, and while blocks are large and the burst goes on the next one is taken ahead, in the
    /// background, once half of the current one is handed out — so the submissions of a burst do not queue behind the
    /// counter's two requests every ten numbers (32 at once waited 233 ms at the median for it, more than the rest of a
    /// submission). A block that lasts longer than <see cref="CalmWindow"/> sets the size back to <see cref="BlockSize"/>.
    /// </summary>
    private async Task<long> NextInBlockAsync(string partition, string row, CancellationToken ct)
    {
        var block = _blocks.GetOrAdd(partition + "/" + row, _ => new Block());
        await block.Gate.WaitAsync(ct);
        try
        {
            if (block.Next == 0 || block.Next > block.Last)
            {
                await TakeBlockAsync(block, partition, row, ct);
            }

            var number = block.Next++;
            if (block.Ahead is null && block.Size > BlockSize && block.Last - block.Next + 1 <= block.Size / 2 && time.GetElapsedTime(block.TakenAt) < BurstWindow)
            {
                // Taken for whoever comes next, so not cancelled with this request; a failure surfaces to the taker that awaits it.
                var size = block.Size;
                block.Ahead = (AdvanceAsync(partition, row, size, CancellationToken.None), size);
            }

            return number;
        }
        finally
        {
            block.Gate.Release();
        }
    }

    private async Task TakeBlockAsync(Block block, string partition, string row, CancellationToken ct)
    {
        var now = time.GetTimestamp();
        if (block.Next != 0)
        {
            var lasted = time.GetElapsedTime(block.TakenAt, now);
            block.Size = lasted < BurstWindow ? Math.Min(block.Size * 2, MaxBlockSize) : lasted > CalmWindow ? BlockSize : block.Size;
        }

        if (block.Ahead is { } ahead)
        {
            block.Ahead = null;
            block.Last = await ahead.Last;
            block.Next = block.Last - ahead.Size + 1;
        }
        else
        {
            block.Last = await AdvanceAsync(partition, row, block.Size, ct);
            block.Next = block.Last - block.Size + 1;
        }

        block.TakenAt = now;
    }

    /// <summary>Advances one counter by <paramref name="by"/> and returns the value it now holds, retrying while other writers win.</summary>
    private async Task<long> AdvanceAsync(string partition, string row, int by, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await tables.Counters.GetAsync(partition, row, ct);
            if (stored is null)
            {
                if (await tables.Counters.TryAddAsync(partition, row, new ReceiptCounter(ReceiptCounter.CurrentSchemaVersion, by), cancellationToken: ct))
                {
                    return by;
                }
            }
            else
            {
                var next = stored.Value with { Last = stored.Value.Last + by };
                if (await tables.Counters.TryUpdateAsync(partition, row, next, stored.ETag, cancellationToken: ct))
                {
                    return next.Last;
                }
            }

            // Lost to another writer: spread the retries so instances do not retry in lock step.
            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 5), ct);
        }

        throw new InvalidOperationException($"Counter {partition}/{row} kept changing under {MaxAttempts} attempts to advance it.");
    }

    /// <summary>A county's own number as this process knows it (0 until it is known; numbers start at 1), and the gate its one lookup goes through.</summary>
    private sealed class CountySlot
    {
        private long _number;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Read without the gate by every submission of the county, so read and written whole.</summary>
        public long Number
        {
            get => Volatile.Read(ref _number);
            set => Volatile.Write(ref _number, value);
        }
    }

    /// <summary>
    /// A process's block of one counter: the numbers Next..Last are its own to hand out; <see cref="Ahead"/> is the next
    /// block being taken (its last number and its size), in a burst.
    /// </summary>
    private sealed class Block
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Next { get; set; }

        public long Last { get; set; }

        public int Size { get; set; } = BlockSize;

        public long TakenAt { get; set; }

        public (Task<long> Last, int Size)? Ahead { get; set; }
    }
}
