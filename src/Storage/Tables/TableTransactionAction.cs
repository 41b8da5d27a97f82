using Azure;

namespace GuanGong.Storage.Tables;

/// <summary>One operation of an entity group transaction. Mirrors <c>Azure.Data.Tables.TableTransactionAction</c>.</summary>
public sealed class TableTransactionAction
{
    /// <summary>An operation on <paramref name="entity"/>; <paramref name="etag"/> conditions updates and deletes (default: any).</summary>
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = actionType;
        Entity = entity;
        ETag = etag;
    }

    /// <summary>What the operation does.</summary>
    public TableTransactionActionType ActionType { get; }

    /// <summary>The entity written or deleted.</summary>
    public ITableEntity Entity { get; }

    /// <summary>The ETag an update or delete must match (default: any).</summary>
    public ETag ETag { get; }
}
