using Azure;

namespace GuanGong.Functions.Records;

/// <summary>A record read from a table, with the ETag to update it optimistically.</summary>
public sealed record StoredRecord<T>(string PartitionKey, string RowKey, T Value, ETag ETag);
