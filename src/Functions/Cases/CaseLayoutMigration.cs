using Azure;
using Azure.Data.Tables;

namespace GuanGong.Functions.Cases;

/// <summary>
/// Moves cases stored in layout 1 (partition = case id, row "case") to the campaign-year layout of
/// <see cref="CaseKeys"/>, at start-up before the app takes traffic or runs activities, then writes
/// a marker row so later starts cost one point read. Idempotent: a run cut off between copying a
/// row and deleting the old one finds the copy present on the next run (the insert conflicts and is
/// skipped, never overwriting a newer case) and deletes the old row then.
/// </summary>
internal static class CaseLayoutMigration
{
    public const int CurrentLayout = 2;
    private const string MarkerPartition = "~layout";
    private const string MarkerRow = "cases";
    private const string LayoutColumn = "Layout";

    /// <summary>
    /// What a run did: rows moved; rows whose key is not a case number (no reader could find them
    /// either way, so they stay); rows changed while moving (left for the next start, no marker yet).
    /// </summary>
    public sealed record Outcome(bool AlreadyDone, int Moved, IReadOnlyList<string> NotCaseNumbers, IReadOnlyList<string> ChangedMeanwhile);

    public static async Task<Outcome> RunAsync(TableClient cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var marker = await cases.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken);
        if (marker.HasValue && marker.Value!.GetInt32(LayoutColumn) >= CurrentLayout)
        {
            return new Outcome(true, 0, [], []);
        }

        // List first, then move: no row is deleted under an open continuation token.
        var legacy = new List<TableEntity>();
        await foreach (var row in cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {CaseKeys.LegacyRow}"), cancellationToken: cancellationToken))
        {
            legacy.Add(row);
        }

        var moved = 0;
        var notCaseNumbers = new List<string>();
        var changed = new List<string>();
        foreach (var old in legacy)
        {
            var caseId = old.PartitionKey;
            if (CaseKeys.PartitionOf(caseId) is not { } partition)
            {
                notCaseNumbers.Add(caseId);
                continue;
            }

            var copy = new TableEntity(partition, caseId);
            foreach (var (name, value) in old)
            {
                // The row's own keys and the service-kept values (Timestamp, ETag) stay behind.
                if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    copy[name] = value;
                }
            }

            ETag? added = null;
            try
            {
                added = (await cases.AddEntityAsync(copy, cancellationToken)).Headers.ETag;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Copied by an earlier run that stopped before deleting the old row.
            }

            try
            {
                await cases.DeleteEntityAsync(old.PartitionKey, old.RowKey, old.ETag, cancellationToken);
                moved++;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A host of the previous version wrote it after we read it: withdraw our stale copy
                // (unless someone changed that too) so the next start copies the newer row.
                changed.Add(caseId);
                if (added is { } etag)
                {
                    await cases.DeleteEntityAsync(partition, caseId, etag, cancellationToken);
                }
            }
        }

        if (changed.Count == 0)
        {
            await cases.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { [LayoutColumn] = CurrentLayout }, TableUpdateMode.Replace, cancellationToken);
        }

        return new Outcome(false, moved, notCaseNumbers, changed);
    }
}
