using Azure;
using Azure.Data.Tables;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// How many deliveries of a redelivered message actually started running, kept in the task hub's
/// <c>{hub}Deliveries</c> table so the count survives the process dying. Only redeliveries are recorded (a first
/// delivery costs nothing): a message received again without having run — it waited in DTFx's buffer past its
/// visibility timeout, or the process was killed while it was prefetched — is then not counted as a failed run.
/// </summary>
internal sealed class StartedDeliveries(TableClient table)
{
    /// <summary>Records that a redelivery of the message starts now; returns how many redeliveries have started.</summary>
    public async Task<int> RecordStartAsync(string instanceId, string messageKey)
    {
        var rowKey = Uri.EscapeDataString(messageKey);
        var partitionKey = Uri.EscapeDataString(instanceId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey);
                if (existing.HasValue && existing.Value is { } row)
                {
                    var starts = (row.GetInt32("Starts") ?? 0) + 1;
                    row["Starts"] = starts;
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
                    return starts;
                }

                await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["Starts"] = 1 });
                return 1;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another worker recorded a start of the same message meanwhile: read again.
            }
        }

        return int.MaxValue;
    }

    public async Task ForgetAsync(string instanceId, string messageKey)
    {
        try
        {
            await table.DeleteEntityAsync(Uri.EscapeDataString(instanceId), Uri.EscapeDataString(messageKey));
        }
        catch (RequestFailedException)
        {
            // Best effort: a leftover row only means a later redelivery of the same key starts from an older count.
        }
    }
}
