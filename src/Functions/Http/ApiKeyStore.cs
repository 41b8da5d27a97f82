using GuanGong.Functions.Records;

namespace GuanGong.Functions.Http;

/// <summary>Committee API keys for the JSON API: only their SHA-256 is stored, keyed by it.</summary>
public sealed class ApiKeyStore(AppTables tables)
{
    public async Task<string?> FindAsync(string apiKey, CancellationToken cancellationToken)
    {
        var stored = await tables.ApiKeys.GetAsync(Convert.ToHexStringLower(AccessKeys.Hash(apiKey)), "key", cancellationToken);
        return stored?.Value.CommitteeCode;
    }

    public async Task<string> IssueAsync(string committeeCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = "gg_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await tables.ApiKeys.UpsertAsync(Convert.ToHexStringLower(AccessKeys.Hash(key)), "key", new ApiKeyRecord(ApiKeyRecord.CurrentSchemaVersion, committeeCode, now), cancellationToken: cancellationToken);
        return key;
    }
}
