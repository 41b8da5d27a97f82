namespace GuanGong.Functions.Cases;

/// <summary>
/// One counter row of the receipt numbers (<see cref="ReceiptNumbers"/>): the last value handed out. Written only
/// with an ETag guard (or an insert for the first value), so two writers never hand out the same value. Versioned contract.
/// </summary>
public sealed record ReceiptCounter(int SchemaVersion, long Last)
{
    public const int CurrentSchemaVersion = 1;
}
