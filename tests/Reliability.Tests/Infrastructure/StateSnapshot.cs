using GuanGong.Functions.Records;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// Everything the app has stored, as comparable text: every row (key and ETag) of every app table and
/// of the engine's history and instance tables, every blob (name and ETag) of the ledger and draft
/// containers, and every engine instance (id, status, last update).
/// </summary>
internal sealed record StateSnapshot(IReadOnlyDictionary<string, IReadOnlyList<string>> Parts)
{
    // The app's two containers (StorageInitializer.LedgerContainer and DraftStore.Container, internal to the app).
    private static readonly string[] LedgerAndDraftContainers = ["ledgers", "drafts"];

    public int RowCount => Parts.Values.Sum(p => p.Count);

    public static async Task<StateSnapshot> TakeAsync(RunningApp app)
    {
        var storage = app.Services.GetRequiredService<AppStorage>();
        var tables = app.Services.GetRequiredService<AppTables>();
        var parts = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var tableClients = new[]
        {
            tables.Committees.Client, tables.Templates.Client, tables.Campaigns.Client, tables.Cases.Client, tables.Decisions.Client,
            tables.Audit.Client, tables.Idempotency.Client, tables.Ledgers.Client, tables.ApiKeys.Client, tables.Ratings.Client, tables.Holidays.Client, tables.Invitations.Client,
            storage.Tables.GetTableClient(app.HubName + "History"), storage.Tables.GetTableClient(app.HubName + "Instances"),
        };
        foreach (var table in tableClients)
        {
            var rows = new List<string>();
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>())
                {
                    rows.Add($"{row.PartitionKey}/{row.RowKey}@{row.ETag}");
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                rows.Add("(no table)");
            }

            rows.Sort(StringComparer.Ordinal);
            parts["table " + table.Name] = rows;
        }

        foreach (var container in LedgerAndDraftContainers)
        {
            var blobs = new List<string>();
            var client = storage.Blobs.GetBlobContainerClient(container);
            if ((await client.ExistsAsync()).Value)
            {
                await foreach (var blob in client.GetBlobsAsync())
                {
                    blobs.Add($"{blob.Name}@{blob.Properties.ETag}");
                }
            }

            blobs.Sort(StringComparer.Ordinal);
            parts["blobs " + container] = blobs;
        }

        var instances = new List<string>();
        await foreach (var instance in app.Engine.GetAllInstancesAsync())
        {
            instances.Add($"{instance.InstanceId}:{instance.RuntimeStatus}@{instance.LastUpdatedAt:O}");
        }

        instances.Sort(StringComparer.Ordinal);
        parts["engine instances"] = instances;
        return new StateSnapshot(parts);
    }

    /// <summary>The parts that differ, each with what was added and removed.</summary>
    public IReadOnlyList<string> Differences(StateSnapshot after) =>
        [.. Parts.Keys.Union(after.Parts.Keys)
            .Select(key =>
            {
                var before = Parts.GetValueOrDefault(key) ?? [];
                var now = after.Parts.GetValueOrDefault(key) ?? [];
                var added = now.Except(before).ToList();
                var removed = before.Except(now).ToList();
                return added.Count + removed.Count == 0 ? null : $"{key}: +[{string.Join(", ", added.Take(5))}] -[{string.Join(", ", removed.Take(5))}]";
            })
            .OfType<string>()];
}
