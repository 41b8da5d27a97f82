using GuanGong.Functions.Http;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Pages;

/// <summary>
/// Server-side revocation of dashboard sessions: an administrator (<c>POST /api/admin/sessions/revoke</c>)
/// sets an instant before which every session signed in is refused, on every instance. The instant is one row
/// beside the committee API keys (partition <c>dashboard-sessions</c>, which no key's hash can equal).
/// </summary>
public sealed class DashboardSessionRevocation(AppTables tables)
{
    private const string Partition = "dashboard-sessions";
    private const string Row = "revoked-before";

    /// <summary>Sessions signed in before this instant are refused (null: none revoked).</summary>
    public async Task<DateTimeOffset?> RevokedBeforeAsync(CancellationToken cancellationToken) =>
        (await tables.ApiKeys.GetAsync(Partition, Row, cancellationToken))?.Value.IssuedAt;

    /// <summary>Refuses every session signed in before <paramref name="now"/>.</summary>
    public Task RevokeAllAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        tables.ApiKeys.UpsertAsync(Partition, Row, new ApiKeyRecord(ApiKeyRecord.CurrentSchemaVersion, "dashboard-sessions", now), cancellationToken: cancellationToken);
}
