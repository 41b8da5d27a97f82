using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using GuanGong.Functions.Records;
using Microsoft.Net.Http.Headers;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Read-only, expiring SAS links straight to a ledger blob in the private container, for callers
/// that fetch from storage themselves (exports, an operator's download). Locally the account key
/// of the connection string signs a service SAS; in Azure the account refuses keys
/// (<c>allowSharedKeyAccess: false</c>), so the app's managed identity obtains a user delegation
/// key (Storage Blob Data Owner/Contributor may) and signs a user delegation SAS with it. The key
/// is held and reused until it has less than a link's lifetime left.
/// </summary>
/// <remarks>
/// The pages' download links stay the app's own (<see cref="LedgerLinks"/>): the app streams the
/// bytes with a sandboxing Content-Security-Policy and no-referrer, which a SAS response cannot
/// carry. A SAS link fixes the type, disposition and caching of the response (rsct, rscd, rscc) so
/// storage answers with the type detected at upload, never a sniffed one.
/// </remarks>
public sealed class LedgerReadSas(AppStorage storage, TimeProvider time)
{
    /// <summary>How long a link works (as long as the app's own download links).</summary>
    public static readonly TimeSpan Lifetime = LedgerLinks.Lifetime;

    // Start a little in the past: the service's clock and ours may differ by a few minutes.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // A user delegation key may live 7 days; one day keeps a leaked key short-lived.
    private static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private UserDelegationKey? _delegationKey;

    /// <summary>A read-only link to the ledger's blob that expires after <see cref="Lifetime"/>.</summary>
    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> IssueAsync(LedgerRecord ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var blob = storage.Blobs.GetBlobContainerClient(StorageInitializer.LedgerContainer).GetBlobClient(ledger.BlobName);
        var now = time.GetUtcNow();
        var expiresAt = now + Lifetime;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(ledger.FileName);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresAt)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentType = ledger.ContentType,
            ContentDisposition = disposition.ToString(),
            CacheControl = "private, no-store",
        };
        if (blob.CanGenerateSasUri)
        {
            return (blob.GenerateSasUri(sas), expiresAt);
        }

        var key = await DelegationKeyAsync(now, cancellationToken);
        var uri = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, storage.Blobs.AccountName) }.ToUri();
        return (uri, expiresAt);
    }

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            if (_delegationKey is not { } key || key.SignedExpiresOn - now < Lifetime + ClockSkew)
            {
                key = (await storage.Blobs.GetUserDelegationKeyAsync(now - ClockSkew, now + DelegationKeyLifetime, cancellationToken)).Value;
                _delegationKey = key;
            }

            return key;
        }
        finally
        {
            _keyGate.Release();
        }
    }
}
