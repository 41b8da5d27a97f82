namespace GuanGong.LocalHost.Durable;

/// <summary>host.json <c>extensions.durableTask.storageProvider</c> for the Azure Storage backend.</summary>
public sealed class DurableStorageProviderSettings
{
    /// <summary>
    /// The name of the connection setting (<c>connectionName</c>; the older <c>connectionStringName</c> is read too).
    /// Default <c>AzureWebJobsStorage</c>.
    /// </summary>
    public string? ConnectionName { get; set; }

    /// <summary>The older spelling of <see cref="ConnectionName"/>.</summary>
    public string? ConnectionStringName { get; set; }

    /// <summary>Control queues (orchestration partitions), 1–16; default 4.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>How long a dequeued control-queue message stays invisible; after a crash this bounds recovery. Default 5 min.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a dequeued work-item (activity) message stays invisible. Default 5 min.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between polls of an idle queue; the main lever on idle storage cost. Default 30 s.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages fetched from a control queue at once. Default 32.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>Partition leases in a table (Durable 3.x default) rather than blobs.</summary>
    public bool UseTablePartitionManagement { get; set; } = true;

    /// <summary>The connection setting's name in effect.</summary>
    public string EffectiveConnectionName =>
        !string.IsNullOrWhiteSpace(ConnectionName) ? ConnectionName
        : !string.IsNullOrWhiteSpace(ConnectionStringName) ? ConnectionStringName
        : "AzureWebJobsStorage";
}
