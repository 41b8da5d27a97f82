using Azure.Core;
using Azure.Identity;
using GuanGong.Functions.Hosting;
using GuanGong.Storage;
using GuanGong.Storage.Blobs;
using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;

namespace GuanGong.Functions.Records;

/// <summary>
/// The one storage account the app and its engine live in, from <c>AzureWebJobsStorage</c> the way
/// Functions reads it: a connection string (<c>UseDevelopmentStorage=true</c> locally), or in Azure
/// the identity-based form <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> /
/// <c>__tableServiceUri</c> with a managed identity, so no account key sits in settings.
/// Every client shares one request counter (the benchmarks and cost figures read it).
/// </summary>
public sealed class AppStorage
{
    private AppStorage(StorageAccount account, StorageRequestCounter counter, TimeProvider timeProvider)
    {
        Account = account;
        RequestCounter = counter;
        Tables = new TableServiceClient(account, new TableClientOptions { RequestCounter = counter, TimeProvider = timeProvider });
        Queues = new QueueServiceClient(account, new QueueClientOptions { RequestCounter = counter, TimeProvider = timeProvider });
        Blobs = new BlobServiceClient(account, new BlobClientOptions { RequestCounter = counter, TimeProvider = timeProvider });
    }

    public StorageAccount Account { get; }

    public StorageRequestCounter RequestCounter { get; }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public static AppStorage Create(IConfiguration configuration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new AppStorage(ResolveAccount(configuration), new StorageRequestCounter(), timeProvider);
    }

    internal static StorageAccount ResolveAccount(IConfiguration configuration)
    {
        const string Setting = AppComposition.StorageSetting;
        if (configuration[Setting] is { Length: > 0 } connectionString)
        {
            return StorageAccount.Parse(connectionString);
        }

        var section = configuration.GetSection(Setting);
        var blob = section["blobServiceUri"];
        var queue = section["queueServiceUri"];
        var table = section["tableServiceUri"];
        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {Setting} to a connection string, or {Setting}__blobServiceUri, __queueServiceUri and __tableServiceUri for a managed identity.");
        }

        return StorageAccount.FromTokenCredential(new Uri(blob), new Uri(queue), new Uri(table), Credential(section));
    }

    private static TokenCredential Credential(IConfiguration section) =>
        string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
}
