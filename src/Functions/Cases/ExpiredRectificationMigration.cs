using GuanGong.Domain.Cases;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Cases;

/// <summary>
/// A one-off for cases closed at their rectification deadline before issue 15: the old path closed them as
/// <see cref="CaseStatus.Withdrawn"/>, which dropped them out of "assessed" (达标率's denominator). A withdrawn case whose
/// audit trail holds the expiry step (<see cref="ExpiryAction"/>) is set to <see cref="CaseStatus.RectificationExpired"/>,
/// assessed and not passed. Runs at start-up with the layout migration; a case once moved is no longer withdrawn, so a
/// later start finds nothing to do. Cost: one query on the Status column, then one audit read per withdrawn case.
/// </summary>
public static class ExpiredRectificationMigration
{
    /// <summary>The audit action the expiry step writes (before and after issue 15).</summary>
    public const string ExpiryAction = "逾期未整改";

    /// <summary>Moves the old expired cases; returns how many were moved.</summary>
    public static async Task<int> RunAsync(AppTables tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var moved = 0;
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"Status eq {nameof(CaseStatus.Withdrawn)}");
        await foreach (var stored in tables.Cases.QueryAsync(filter, cancellationToken))
        {
            var record = stored.Value;
            if (record.State.Stage < 1 || !(await tables.Audit.ListPartitionAsync(record.CaseId, cancellationToken)).Any(e => e.Value.Action == ExpiryAction))
            {
                continue;
            }

            var updated = record with { State = record.State with { Status = CaseStatus.RectificationExpired, Escalated = false } };

            // A lost race means another host moved it (or the case changed): the next start looks again.
            if (await tables.Cases.TryUpdateAsync(stored.PartitionKey, stored.RowKey, updated, stored.ETag, CaseStore.Columns(updated), cancellationToken))
            {
                moved++;
            }
        }

        return moved;
    }
}
