using System.Text;
using Azure;
using GuanGong.Domain;
using Azure.Data.Tables;

namespace GuanGong.Functions.Records;

/// <summary>
/// A table whose rows each carry one record serialised as JSON (with the domain's serializer, so the
/// record's own schema version travels inside it) plus a few plain columns for filtering. The JSON
/// is stored as UTF-8 in binary properties of at most 64 KiB each, split across <c>Json</c>,
/// <c>Json1</c>… so a large score sheet fits within the 1 MiB entity limit without tripping the
/// 64 KiB property limit. Every row written is checked against the Azure limits Azurite does not
/// enforce (<see cref="TableLimits"/>), and so is every transaction (one partition, at most 100 operations).
/// </summary>
public sealed class RecordTable<T>(TableClient table)
{
    private const string JsonProperty = "Json";
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 15;

    public TableClient Client => table;

    public async Task<StoredRecord<T>?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        // Keys often come from requests: one Azure would refuse is refused here, not sent.
        TableLimits.CheckKey(partitionKey, nameof(partitionKey));
        TableLimits.CheckKey(rowKey, nameof(rowKey));
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    /// <summary>Inserts; <c>false</c> when the row already exists (nothing is changed then).</summary>
    public async Task<bool> TryAddAsync(string partitionKey, string rowKey, T value, IReadOnlyDictionary<string, object>? columns = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(Write(partitionKey, rowKey, value, columns), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task UpsertAsync(string partitionKey, string rowKey, T value, IReadOnlyDictionary<string, object>? columns = null, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(Write(partitionKey, rowKey, value, columns), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Replaces if the row still has <paramref name="etag"/> and answers the row's new ETag (so the caller can write
    /// over its own write without reading the row again); null when someone else changed it first.
    /// </summary>
    public async Task<ETag?> TryReplaceAsync(string partitionKey, string rowKey, T value, ETag etag, IReadOnlyDictionary<string, object>? columns = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await table.UpdateEntityAsync(Write(partitionKey, rowKey, value, columns), etag, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag ?? throw new InvalidOperationException("The table answered an update without an ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Replaces if the row still has <paramref name="etag"/>; <c>false</c> when someone else changed it first.</summary>
    public async Task<bool> TryUpdateAsync(string partitionKey, string rowKey, T value, ETag etag, IReadOnlyDictionary<string, object>? columns = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.UpdateEntityAsync(Write(partitionKey, rowKey, value, columns), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<StoredRecord<T>> QueryAsync(string? filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return Read(entity);
        }
    }

    public async Task<IReadOnlyList<StoredRecord<T>>> ListPartitionAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        var records = new List<StoredRecord<T>>();
        await foreach (var record in QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Runs an entity group transaction after checking what Azure would refuse and Azurite would not (mixed partitions, over 100 operations).</summary>
    public Task SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableLimits.CheckTransaction(actions);
        return table.SubmitTransactionAsync(actions, cancellationToken);
    }

    internal static TableEntity Write(string partitionKey, string rowKey, T value, IReadOnlyDictionary<string, object>? columns)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        var json = Encoding.UTF8.GetBytes(DomainJson.Serialize(value));
        var chunks = (json.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} of {json.Length} bytes is too large for one table row.");
        }

        for (var i = 0; i < Math.Max(1, chunks); i++)
        {
            var start = i * ChunkBytes;
            entity[i == 0 ? JsonProperty : JsonProperty + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                json.AsSpan(start, Math.Min(ChunkBytes, json.Length - start)).ToArray();
        }

        foreach (var (name, column) in columns ?? new Dictionary<string, object>())
        {
            entity[name] = column;
        }

        TableLimits.Check(entity);
        return entity;
    }

    internal static StoredRecord<T> Read(TableEntity entity)
    {
        using var json = new MemoryStream();
        for (var i = 0; entity.GetBinary(i == 0 ? JsonProperty : JsonProperty + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } chunk; i++)
        {
            json.Write(chunk);
        }

        var value = DomainJson.Deserialize<T>(Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length));
        return new StoredRecord<T>(entity.PartitionKey, entity.RowKey, value, entity.ETag);
    }
}
