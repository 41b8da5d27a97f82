using GuanGong.Storage.Tables;

namespace GuanGong.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc />
    public async Task<InstancePage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var select = query.FetchInputsAndOutputs ? null : new[]
        {
            "PartitionKey", "RowKey", "Name", "Version", "ExecutionId", "RuntimeStatus", "CreatedAt", "LastUpdatedAt", "PendingMessageCount", "LastError", "FailureDetails",
        };
        var pages = _instances.QueryAsync<TableEntity>(FilterOf(query), query.PageSize, select, cancellationToken).AsPages(query.ContinuationToken, query.PageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var records = new List<InstanceRecord>(page.Values.Count);
            foreach (var entity in page.Values)
            {
                records.Add(await RecordFromAsync(entity, query.FetchInputsAndOutputs, cancellationToken).ConfigureAwait(false));
            }

            return new InstancePage(records, page.ContinuationToken);
        }

        return new InstancePage([], null);
    }

    private static string? FilterOf(OrchestrationQuery query)
    {
        var clauses = new List<string>();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        }

        if (query.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            // Keys sort ordinally, so a prefix is the range [prefix, prefix + U+FFFF).
            var prefix = query.InstanceIdPrefix;
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + '\uffff'}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }
}
