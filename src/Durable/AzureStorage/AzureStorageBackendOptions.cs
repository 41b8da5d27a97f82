namespace GuanGong.Durable.AzureStorage;

/// <summary>How a task hub is laid out in a storage account.</summary>
public sealed class AzureStorageBackendOptions
{
    /// <summary>The task hub name (letters and digits, starting with a letter, 3 to 45 characters); prefixes every table, queue and container.</summary>
    public string TaskHubName { get; set; } = "GuanGongHub";

    /// <summary>Control-queue partitions (1 to 16, default 4). Changing it for an existing hub strands in-flight messages.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest single message delay; longer timers are re-enqueued in slices (default 3 days, under the 7-day queue limit).</summary>
    public TimeSpan MaxMessageDelay { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Messages larger than this (UTF-8 bytes) go to a blob, gzipped, and the queue carries a reference (default 45 KB).</summary>
    public int LargeMessageThreshold { get; set; } = 45 * 1024;

    /// <summary>Table string values longer than this (characters) go to a blob (default 30,000; Azure's limit is 32K characters per property).</summary>
    public int LargeTableValueThreshold { get; set; } = 30_000;

    /// <summary>
    /// How many instances' histories this process keeps in memory between episodes, so an episode
    /// skips the history query (default 1,000; 0 turns the cache off). A cached history is checked
    /// by the next checkpoint's ETag; an instance another process writes is read from storage from
    /// then on.
    /// </summary>
    public int HistoryCacheCapacity { get; set; } = 1000;

    /// <summary>
    /// How long the "outbox sent" mark of a cached instance may wait for the instance's next
    /// checkpoint, which clears the outbox in its own transaction, before it is written on its own
    /// (default zero: written at once after every send, as before; 10 s is longer than the gap
    /// between a busy chain's episodes). Off by default until the stalled benchmark runs seen with
    /// it on (chains that stop progressing for minutes) are understood. Until then the consumed messages are not deleted, so a process that dies
    /// meanwhile leaves them to be redelivered, and their redelivery makes the next reader re-send
    /// the outbox. Another process that gets a message for the instance meanwhile waits for the
    /// clear (once per instance: both then stop deferring it). Keep it well under the worker's
    /// message visibility timeout.
    /// </summary>
    public TimeSpan OutboxClearDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The clock for deferred outbox clears (default: the system clock).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
