namespace GuanGong.Storage.Tables;

/// <summary>What one operation of an entity group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity (ETag-conditional; default ETag matches any).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (ETag-conditional; default ETag matches any).</summary>
    UpdateReplace,

    /// <summary>Delete (ETag-conditional; default ETag matches any).</summary>
    Delete,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,
}
