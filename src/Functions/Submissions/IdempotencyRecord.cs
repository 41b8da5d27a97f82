namespace GuanGong.Functions.Submissions;

/// <summary>
/// The first answer given for an Idempotency-Key, kept so a retried request gets the same answer
/// (and the same case) instead of a second submission. <see cref="RequestHash"/> catches a key reused
/// for a different body, which is refused rather than silently answered with the old result.
/// </summary>
public sealed record IdempotencyRecord(int SchemaVersion, string Scope, string Key, string RequestHash, int StatusCode, string ResponseJson, string? Location, DateTimeOffset CreatedAt)
{
    public const int CurrentSchemaVersion = 1;
}
