using Azure;

namespace GuanGong.Storage.Tables;

/// <summary>
/// An entity the table client can write and read: the keys, the service timestamp and the ETag.
/// Implement it on a class with public properties, or use <see cref="TableEntity"/>. Mirrors
/// <c>Azure.Data.Tables.ITableEntity</c>.
/// </summary>
public interface ITableEntity
{
    /// <summary>The partition key.</summary>
    string PartitionKey { get; set; }

    /// <summary>The row key, unique within the partition.</summary>
    string RowKey { get; set; }

    /// <summary>When the service last modified the entity (set by the service; never written).</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's ETag for optimistic concurrency (set by the service; never written as a property).</summary>
    ETag ETag { get; set; }
}
