using System.Net;
using Azure;
using Azure.Storage.Blobs;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Records;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Ledgers;

/// <summary>Read SAS links to ledger blobs, account-key path (Azurite has no Entra ID): read works, write and expired do not.</summary>
public sealed class LedgerReadSasTests
{
    [Fact]
    public async Task IssueAsync_AccountKey_ReadsTheBlobWithItsTypeAndNameAndRefusesWrites()
    {
        var (storage, ledger, bytes) = await StoreLedgerAsync();
        var (url, expiresAt) = await new LedgerReadSas(storage, TimeProvider.System).IssueAsync(ledger, CancellationToken.None);

        using var http = new HttpClient();
        using var got = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal(bytes, await got.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", got.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", got.Content.Headers.ContentDisposition?.DispositionType);
        Assert.InRange(expiresAt - TimeProvider.System.GetUtcNow(), LedgerReadSas.Lifetime - TimeSpan.FromMinutes(1), LedgerReadSas.Lifetime);
        var write = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(url).UploadAsync(BinaryData.FromString("overwritten"), overwrite: true));
        Assert.Equal(403, write.Status);
    }

    [Fact]
    public async Task IssueAsync_LinkPastItsExpiry_IsRefused()
    {
        var (storage, ledger, _) = await StoreLedgerAsync();
        var issuedLongAgo = new FakeTimeProvider(TimeProvider.System.GetUtcNow() - TimeSpan.FromHours(1));
        var (url, _) = await new LedgerReadSas(storage, issuedLongAgo).IssueAsync(ledger, CancellationToken.None);

        using var http = new HttpClient();
        using var got = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, got.StatusCode);
    }

    private static async Task<(AppStorage Storage, LedgerRecord Ledger, byte[] Bytes)> StoreLedgerAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var storage = AppStorage.Create(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
        }).Build());
        var container = storage.Blobs.GetBlobContainerClient(StorageInitializer.LedgerContainer);
        await container.CreateIfNotExistsAsync();
        var caseId = SharedAzurite.UniqueName("sas");
        var bytes = Builders.SampleFiles.Pdf(3000);
        var blobName = $"{caseId}/item/ledger1";
        await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(bytes));
        var ledger = new LedgerRecord(
            LedgerRecord.CurrentSchemaVersion, "ledger1", caseId, "item", "会议纪要.pdf", "application/pdf", bytes.Length, new string('0', 64), blobName, "admin", TimeProvider.System.GetUtcNow());
        return (storage, ledger, bytes);
    }
}
