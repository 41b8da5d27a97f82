using System.Security.Cryptography;
using System.Text;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Submissions;

/// <summary>
/// Keeps the first answer to each Idempotency-Key (scoped to the caller), so a client that retries
/// after a timeout gets the answer it missed rather than a second submission or a confusing 409.
/// The key is stored hashed; a key reused with a different body is refused.
/// </summary>
public sealed class IdempotencyStore(AppTables tables, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken ct) =>
        (await tables.Idempotency.GetAsync(Hash(scope), Hash(key), ct))?.Value;

    public Task SaveAsync(string scope, string key, string requestHash, int statusCode, string responseJson, string? location, CancellationToken ct) =>
        tables.Idempotency.TryAddAsync(
            Hash(scope),
            Hash(key),
            new IdempotencyRecord(IdempotencyRecord.CurrentSchemaVersion, scope, key, requestHash, statusCode, responseJson, location, time.GetUtcNow()),
            cancellationToken: ct);

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
