using System.Globalization;
using System.Text.Json;
using Azure;
using GuanGong.Storage.Tables;

namespace GuanGong.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    private const string SentinelRowKey = "sentinel";

    private static string RowKeyOf(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    // Status fields shared by the sentinel row and the Instances mirror.
    private async Task<TableEntity> StatusEntityAsync(string partitionKey, string rowKey, InstanceRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Name"] = record.Name,
            ["ExecutionId"] = record.ExecutionId,
            ["RuntimeStatus"] = record.RuntimeStatus.ToString(),
            ["CreatedAt"] = record.CreatedAt,
            ["LastUpdatedAt"] = record.LastUpdatedAt,
            ["PendingMessageCount"] = record.PendingMessageCount,
        };
        SetIfNotNull(entity, "Version", record.Version);
        SetIfNotNull(entity, "LastError", record.LastError);
        SetIfNotNull(entity, "FailureDetails", record.FailureDetails is null ? null : JsonSerializer.Serialize(record.FailureDetails, TaskMessageSerializer.Options));
        await SetLargeAsync(entity, "Input", record.Input, record.InstanceId, cancellationToken).ConfigureAwait(false);
        await SetLargeAsync(entity, "Output", record.Output, record.InstanceId, cancellationToken).ConfigureAwait(false);
        await SetLargeAsync(entity, "CustomStatus", record.CustomStatus, record.InstanceId, cancellationToken).ConfigureAwait(false);
        return entity;
    }

    private async Task<InstanceRecord> RecordFromAsync(TableEntity entity, bool includeValues, CancellationToken cancellationToken)
    {
        var failure = entity.GetString("FailureDetails");
        return new InstanceRecord(
            entity.PartitionKey,
            entity.GetString("Name") ?? string.Empty,
            entity.GetString("Version"),
            entity.GetString("ExecutionId") ?? string.Empty,
            Enum.Parse<OrchestrationRuntimeStatus>(entity.GetString("RuntimeStatus") ?? nameof(OrchestrationRuntimeStatus.Pending)),
            entity.GetDateTimeOffset("CreatedAt") ?? default,
            entity.GetDateTimeOffset("LastUpdatedAt") ?? default,
            includeValues ? await GetLargeAsync(entity, "Input", cancellationToken).ConfigureAwait(false) : null,
            includeValues ? await GetLargeAsync(entity, "Output", cancellationToken).ConfigureAwait(false) : null,
            includeValues ? await GetLargeAsync(entity, "CustomStatus", cancellationToken).ConfigureAwait(false) : null,
            failure is null ? null : JsonSerializer.Deserialize<TaskFailureDetails>(failure, TaskMessageSerializer.Options),
            entity.GetInt32("PendingMessageCount") ?? 0,
            entity.GetString("LastError"));
    }

    private async Task SetLargeAsync(TableEntity entity, string name, string? value, string instanceId, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= _options.LargeTableValueThreshold)
        {
            entity[name] = value;
            return;
        }

        entity[name + "Blob"] = await _payloads.PutAsync($"values/{instanceId}", value, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> GetLargeAsync(TableEntity entity, string name, CancellationToken cancellationToken)
    {
        if (entity.GetString(name + "Blob") is { Length: > 0 } blob)
        {
            return await _payloads.GetAsync(blob, cancellationToken).ConfigureAwait(false);
        }

        var inline = entity.GetString(name);
        return string.IsNullOrEmpty(inline) ? null : inline;
    }

    private static void SetIfNotNull(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static VersionToken TokenOf(TableEntity sentinel, ETag etag) =>
        new(etag, sentinel.GetInt64("FirstRow") ?? 0, sentinel.GetInt64("NextRow") ?? 0);

    private static ETag ETagOf(Response response) =>
        response.Headers.ETag ?? throw new InvalidOperationException("Storage returned no ETag for a table write.");

    private static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;
}
