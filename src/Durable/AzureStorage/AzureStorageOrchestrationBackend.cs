using Azure.Core;
using GuanGong.Storage;
using GuanGong.Storage.Blobs;
using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;

namespace GuanGong.Durable.AzureStorage;

/// <summary>
/// A task hub in an Azure Storage account (or Azurite), laid out like Durable Functions' Azure
/// Storage provider: <c>{hub}History</c> (partition = instance id; rows = zero-padded sequence,
/// one per checkpoint, plus a <c>sentinel</c> row), <c>{hub}Instances</c> (a query mirror),
/// <c>{hub}-control-NN</c> queues partitioned by instance hash, <c>{hub}-workitems</c>, and
/// <c>{hub}-largemessages</c> for gzipped payloads over the queue and table limits.
/// </summary>
/// <remarks>
/// The sentinel row carries the instance's status. A checkpoint inserts one history row and
/// replaces the sentinel (If-Match its ETag) in one entity-group transaction, so the status a
/// client reads for an instance can never disagree with its history; the Instances table is
/// updated afterwards and serves only queries. An episode usually reads its history from
/// memory instead of storage (<see cref="AzureStorageBackendOptions.HistoryCacheCapacity"/>).
/// </remarks>
public sealed partial class AzureStorageOrchestrationBackend : IOrchestrationBackend
{
    private readonly TableClient _history;
    private readonly TableClient _instances;
    private readonly QueueClient[] _control;
    private readonly QueueClient _workItems;
    private readonly QueueServiceClient _queueService;
    private readonly BlobContainerClient _largeMessages;
    private readonly LargePayloadStore _payloads;
    private readonly AzureStorageBackendOptions _options;
    private readonly TaskHubNames _names;
    private readonly HashSet<string> _createdPoisonQueues = new(StringComparer.Ordinal);
    private readonly InstanceHistoryCache _cache;

    /// <summary>Creates the backend over service clients (build them with <see cref="CreateClientOptions{T}"/> to get per-work-item request counts).</summary>
    /// <param name="tables">The table service.</param>
    /// <param name="queues">The queue service.</param>
    /// <param name="blobs">The blob service.</param>
    /// <param name="options">The task hub layout.</param>
    public AzureStorageOrchestrationBackend(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, AzureStorageBackendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(blobs);
        _options = options ?? new AzureStorageBackendOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PartitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.PartitionCount, 16);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.HistoryCacheCapacity);
        if (_options.MaxMessageDelay > QueueClient.MaxVisibilityTimeout || _options.MaxMessageDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxMessageDelay, "The message delay must be positive and within the 7-day queue limit.");
        }

        _names = new TaskHubNames(_options.TaskHubName, _options.PartitionCount);
        _history = tables.GetTableClient(_names.HistoryTable);
        _instances = tables.GetTableClient(_names.InstancesTable);
        _queueService = queues;
        _control = [.. _names.ControlQueues.Select(queues.GetQueueClient)];
        _workItems = queues.GetQueueClient(_names.WorkItemQueue);
        _largeMessages = blobs.GetBlobContainerClient(_names.LargeMessagesContainer);
        _payloads = new LargePayloadStore(_largeMessages);
        _cache = new InstanceHistoryCache(_options.HistoryCacheCapacity);
    }

    /// <inheritdoc />
    public int PartitionCount => _options.PartitionCount;

    /// <inheritdoc />
    public TimeSpan MaxMessageDelay => _options.MaxMessageDelay;

    /// <inheritdoc />
    public DispatcherWakeup Wakeup { get; } = new();

    /// <summary>Whether episodes may read histories from this process's cache (off when the options say 0, or once a queue trigger delivers messages: it deletes them itself, so a delete decided from the cache could not be checked).</summary>
    public bool IsHistoryCacheEnabled => _cache.IsEnabled;

    /// <summary>The task hub name.</summary>
    public string TaskHubName => _options.TaskHubName;

    /// <summary>The control queues, in partition order (what queue triggers bind to for <see cref="DurableTaskWorker.ProcessControlMessageAsync"/>).</summary>
    public IReadOnlyList<string> ControlQueueNames => _names.ControlQueues;

    /// <summary>The work-item queue (what a queue trigger binds to for <see cref="DurableTaskWorker.ProcessWorkItemMessageAsync"/>).</summary>
    public string WorkItemQueueName => _names.WorkItemQueue;

    /// <summary>Creates the backend from a connection string (account key, explicit endpoints, or <c>UseDevelopmentStorage=true</c>).</summary>
    /// <param name="connectionString">The storage connection string.</param>
    /// <param name="options">The task hub layout.</param>
    /// <param name="requestCounter">Counts every storage request by operation (optional).</param>
    /// <returns>The backend.</returns>
    public static AzureStorageOrchestrationBackend FromConnectionString(string connectionString, AzureStorageBackendOptions? options = null, StorageRequestCounter? requestCounter = null) =>
        FromAccount(StorageAccount.Parse(connectionString), options, requestCounter);

    /// <summary>Creates the backend for a storage account (connection string or managed identity via <see cref="StorageAccount.FromTokenCredential(string, TokenCredential, string)"/>).</summary>
    /// <param name="account">The account.</param>
    /// <param name="options">The task hub layout.</param>
    /// <param name="requestCounter">Counts every storage request by operation (optional).</param>
    /// <returns>The backend.</returns>
    public static AzureStorageOrchestrationBackend FromAccount(StorageAccount account, AzureStorageBackendOptions? options = null, StorageRequestCounter? requestCounter = null) =>
        new(
            new TableServiceClient(account, CreateClientOptions(new TableClientOptions(), requestCounter)),
            new QueueServiceClient(account, CreateClientOptions(new QueueClientOptions(), requestCounter)),
            new BlobServiceClient(account, CreateClientOptions(new BlobClientOptions(), requestCounter)),
            options);

    /// <summary>Prepares storage client options for the engine: per-work-item request counting and an optional account-wide counter.</summary>
    /// <typeparam name="T">The client options type.</typeparam>
    /// <param name="options">The options to prepare.</param>
    /// <param name="requestCounter">Counts every storage request by operation (optional).</param>
    /// <returns>The same options.</returns>
    public static T CreateClientOptions<T>(T options, StorageRequestCounter? requestCounter = null)
        where T : StorageClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequestCounter ??= requestCounter;
        options.AddPolicy(WorkItemRequestPolicy.Instance, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <inheritdoc />
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await _history.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _instances.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in _control.Append(_workItems))
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await _largeMessages.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
