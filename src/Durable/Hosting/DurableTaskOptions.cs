using Microsoft.Extensions.Configuration;

namespace GuanGong.Durable;

/// <summary>
/// The task hub settings of <c>host.json</c> <c>extensions.durableTask</c> (the names Durable
/// Functions uses; <c>storageProvider.partitionCount</c> and
/// <c>storageProvider.maxQueuePollingInterval</c> are read too).
/// </summary>
public sealed class DurableTaskOptions
{
    /// <summary>The section as seen in configuration built from host.json.</summary>
    public const string SectionName = "extensions:durableTask";

    /// <summary>The section as the Functions host exposes it to the worker process.</summary>
    public const string FunctionsHostSectionName = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The task hub name (default GuanGongHub).</summary>
    public string HubName { get; set; } = "GuanGongHub";

    /// <summary>Control-queue partitions (1 to 16, default 4).</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Activities run at once per worker (default 10).</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    /// <summary>Episodes run at once per worker (default 100).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 100;

    /// <summary>The longest idle polling wait (default 30 s).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries before a message is poison (default 5).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays hidden while processed (default 5 minutes).</summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Runs registered activities inside the episode that calls them (host.json <c>localActivities</c>, default false); see <see cref="DurableTaskWorkerOptions.LocalActivities"/>.</summary>
    public bool LocalActivities { get; set; }

    /// <summary>
    /// The longest single queue delay; longer timers are re-enqueued in slices of this (default 3
    /// days). Tests that move a fake clock over real queues set it to seconds so timers notice the jump.
    /// </summary>
    public TimeSpan MaxMessageDelay { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Reads the settings from <paramref name="configuration"/> (the Functions host section wins when present).</summary>
    /// <param name="configuration">The app configuration.</param>
    /// <returns>The settings.</returns>
    public static DurableTaskOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(FunctionsHostSectionName);
        if (!section.Exists())
        {
            section = configuration.GetSection(SectionName);
        }

        var options = new DurableTaskOptions();
        section.GetSection("storageProvider").Bind(options);
        section.Bind(options);
        return options;
    }

    /// <summary>Copies the dispatch settings onto worker options.</summary>
    /// <param name="worker">The worker options to change.</param>
    /// <returns>The same worker options.</returns>
    public DurableTaskWorkerOptions ApplyTo(DurableTaskWorkerOptions worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        worker.MaxConcurrentActivityFunctions = MaxConcurrentActivityFunctions;
        worker.MaxConcurrentOrchestratorFunctions = MaxConcurrentOrchestratorFunctions;
        worker.MaxQueuePollingInterval = MaxQueuePollingInterval;
        worker.MaxDequeueCount = MaxDequeueCount;
        worker.MessageVisibilityTimeout = MessageVisibilityTimeout;
        worker.LocalActivities = LocalActivities;
        return worker;
    }
}
