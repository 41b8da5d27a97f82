namespace GuanGong.Storage.Tables;

/// <summary>How an update or upsert treats properties the entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep the stored properties the entity does not mention (MERGE).</summary>
    Merge,

    /// <summary>Replace the stored entity with this one (PUT).</summary>
    Replace,
}
