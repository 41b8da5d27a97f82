// LEGACY ENGINE BRIDGE — delete this file together with src/Durable and src/Storage.
// It is the one place in the app that still uses GuanGong.Storage: the old engine (src/Durable)
// runs on those REST clients until the DurableTask.Core engine replaces it.
using GuanGong.Durable.AzureStorage;
using GuanGong.Functions.Records;
using GuanGong.Storage;
using GuanGong.Storage.Blobs;
using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>
/// Builds the old engine's storage backend in the app's account (the same connection string, or
/// the same service URIs and managed identity, as <see cref="AppStorage"/>), with its clients
/// counting into the app's one <see cref="StorageRequestCounter"/> so the request figures still
/// cover everything. Temporary: see the note at the top of the file.
/// </summary>
internal static class LegacyEngineStorage
{
    public static AzureStorageOrchestrationBackend CreateBackend(AppStorage storage, AzureStorageBackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var account = storage.ConnectionString is { } connectionString
            ? StorageAccount.Parse(connectionString)
            : StorageAccount.FromTokenCredential(storage.Blobs.Uri, storage.Queues.Uri, storage.Tables.Uri, storage.Credential!);
        return new AzureStorageOrchestrationBackend(
            new TableServiceClient(account, Counted(new TableClientOptions(), storage, "Table")),
            new QueueServiceClient(account, Counted(new QueueClientOptions(), storage, "Queue")),
            new BlobServiceClient(account, Counted(new BlobClientOptions(), storage, "Blob")),
            options);
    }

    private static T Counted<T>(T options, AppStorage storage, string service)
        where T : StorageClientOptions
    {
        options.AddPolicy(storage.RequestCounter.PolicyFor(service), Azure.Core.HttpPipelinePosition.PerRetry);
        return AzureStorageOrchestrationBackend.CreateClientOptions(options);
    }
}
