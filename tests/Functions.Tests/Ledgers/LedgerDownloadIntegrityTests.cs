using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Records;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Ledgers;

/// <summary>A streamed ledger download is checked against the blob's stored Content-MD5 when it ends.</summary>
public sealed class LedgerDownloadIntegrityTests
{
    [Fact]
    public async Task OpenReadAsync_BytesDifferFromTheStoredMd5_FailsAtTheEnd()
    {
        var (store, storage, ledger) = await StoreAsync("altered");
        await storage.Blobs.GetBlobContainerClient(StorageInitializer.LedgerContainer).GetBlobClient(ledger.BlobName)
            .SetHttpHeadersAsync(new BlobHttpHeaders { ContentType = "application/pdf", ContentHash = MD5.HashData("something else"u8) });

        using var download = await store.OpenReadAsync(ledger, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidDataException>(() => download!.Content.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task OpenReadAsync_IntactBlob_ReadsToTheEnd()
    {
        var (store, _, ledger) = await StoreAsync("intact");

        using var download = await store.OpenReadAsync(ledger, CancellationToken.None);
        using var copy = new MemoryStream();
        await download!.Content.CopyToAsync(copy);

        Assert.Equal(Builders.SampleFiles.Pdf(5000), copy.ToArray());
    }

    private static async Task<(LedgerStore Store, AppStorage Storage, LedgerRecord Ledger)> StoreAsync(string name)
    {
        var azurite = await SharedAzurite.GetAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
            ["GuanGong:Storage:TablePrefix"] = SharedAzurite.UniqueName("i"),
        }).Build();
        var storage = AppStorage.Create(configuration);
        var container = storage.Blobs.GetBlobContainerClient(StorageInitializer.LedgerContainer);
        await container.CreateIfNotExistsAsync();
        var bytes = Builders.SampleFiles.Pdf(5000);
        var blobName = $"{SharedAzurite.UniqueName(name)}/item/ledger";
        await LedgerBlobUpload.UploadAsync(Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlockBlobClient(container, blobName), new MemoryStream(bytes), "application/pdf", CancellationToken.None);
        var ledger = new LedgerRecord(
            LedgerRecord.CurrentSchemaVersion, "ledger", "case", "item", "台账.pdf", "application/pdf", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), blobName, "admin", TimeProvider.System.GetUtcNow());
        return (new LedgerStore(storage, new AppTables(storage, configuration), TimeProvider.System), storage, ledger);
    }
}
