namespace GuanGong.Functions.Http;

/// <summary>A committee API key's record (the key itself is never stored). Versioned contract.</summary>
public sealed record ApiKeyRecord(int SchemaVersion, string CommitteeCode, DateTimeOffset IssuedAt)
{
    public const int CurrentSchemaVersion = 1;
}
