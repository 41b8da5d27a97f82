namespace GuanGong.Functions.Records;

/// <summary>A storage service (<c>Table</c>, <c>Queue</c>, <c>Blob</c>) and one of its REST operations (<c>InsertEntity</c>, <c>PutBlock</c>, …).</summary>
public readonly record struct StorageOperationKey(string Service, string Operation)
{
    public override string ToString() => Service + "." + Operation;
}
