using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using GuanGong.Functions.Hosting;

namespace GuanGong.Functions.Records;

/// <summary>
/// The one storage account the app and its engine live in, from <c>AzureWebJobsStorage</c> the way
/// Functions reads it: a connection string locally (Azurite: <c>UseDevelopmentStorage=true</c> on the
/// default ports, otherwise a full connection string with explicit endpoints), or in Azure the
/// identity-based form <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> /
/// <c>__tableServiceUri</c> with <c>__credential=managedidentity</c> (and <c>__clientId</c> for a
/// user-assigned identity), so no account key sits in settings. The clients are the Azure SDK's;
/// every one of them counts its requests in the one <see cref="RequestCounter"/>.
/// </summary>
public sealed class AppStorage
{
    // Queue messages in Base64 (UTF-8): what the engine writes and what Functions queue triggers expect.
    private static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    private AppStorage(string? connectionString, Uri? blobUri, Uri? queueUri, Uri? tableUri, TokenCredential? credential)
    {
        RequestCounter = new StorageRequestCounter();
        ConnectionString = connectionString;
        Credential = credential;
        if (connectionString is not null)
        {
            Tables = new TableServiceClient(connectionString, Configure(new TableClientOptions(), "Table"));
            Queues = new QueueServiceClient(connectionString, Configure(QueueOptions(), "Queue"));
            Blobs = new BlobServiceClient(connectionString, Configure(new BlobClientOptions(), "Blob"));
        }
        else
        {
            Tables = new TableServiceClient(tableUri!, credential!, Configure(new TableClientOptions(), "Table"));
            Queues = new QueueServiceClient(queueUri!, credential!, Configure(QueueOptions(), "Queue"));
            Blobs = new BlobServiceClient(blobUri!, credential!, Configure(new BlobClientOptions(), "Blob"));
        }
    }

    /// <summary>Every request of the app's clients (and of the engine's, see the workflow registration), by service and operation.</summary>
    public StorageRequestCounter RequestCounter { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Queues are the engine's; the app itself only probes the service for the health check.</summary>
    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The connection string, when storage is reached with one (locally); null with a managed identity.</summary>
    internal string? ConnectionString { get; }

    /// <summary>The Entra ID credential, when storage is reached through an identity (in Azure); null with a connection string.</summary>
    internal TokenCredential? Credential { get; }

    public static AppStorage Create(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string Setting = AppComposition.StorageSetting;
        if (configuration[Setting] is { Length: > 0 } connectionString)
        {
            return new AppStorage(connectionString, null, null, null, null);
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

        return new AppStorage(null, new Uri(blob), new Uri(queue), new Uri(table), ResolveCredential(section));
    }

    private static TokenCredential ResolveCredential(IConfiguration section) =>
        string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();

    private T Configure<T>(T options, string service)
        where T : ClientOptions
    {
        // Retries, chosen rather than inherited: most storage calls run while a user (or an
        // activity) waits. Three retries, exponential from 0.5 s capped at 4 s, ride out a
        // transient 500/503/timeout or a dropped connection in about 4 s; when storage is really
        // down the call then fails within seconds and the API answers 503 with Retry-After
        // (ExceptionMapping) instead of hanging on the SDK's one-minute back-off cap. The per-try
        // network timeout stays at the SDK's 100 s: Azurite on a loaded machine can take tens of
        // seconds for a large query page or a 4 MiB block, and a shorter timeout would only turn
        // slowness into retries that add load. Every attempt is a billed request, so the counter
        // sits per retry.
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        options.AddPolicy(RequestCounter.PolicyFor(service), HttpPipelinePosition.PerRetry);
        return options;
    }
}
