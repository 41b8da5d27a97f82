namespace GuanGong.Storage.Tables;

/// <summary>Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/> (retry, transport, diagnostics, request counting).</summary>
public sealed class TableClientOptions : StorageClientOptions
{
}
