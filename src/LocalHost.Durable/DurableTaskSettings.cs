using Microsoft.Extensions.Configuration;

namespace GuanGong.LocalHost.Durable;

/// <summary>
/// The Durable extension's settings as host.json holds them under <c>extensions.durableTask</c>
/// (same names, bound case-insensitively), so the local engine and Azure read one file.
/// </summary>
public sealed class DurableTaskSettings
{
    /// <summary>The task hub name (tables <c>{hub}History</c>, <c>{hub}Instances</c>, queues <c>{hub}-control-NN</c>, <c>{hub}-workitems</c>).</summary>
    public string HubName { get; set; } = "TestHubName";

    /// <summary>The Azure Storage provider's settings (<c>storageProvider</c>).</summary>
    public DurableStorageProviderSettings StorageProvider { get; set; } = new();

    /// <summary>Activities run at once on one worker (<c>maxConcurrentActivityFunctions</c>; Durable's default 10 × cores).</summary>
    public int? MaxConcurrentActivityFunctions { get; set; }

    /// <summary>Orchestrator work items at once on one worker (<c>maxConcurrentOrchestratorFunctions</c>; default 10 × cores).</summary>
    public int? MaxConcurrentOrchestratorFunctions { get; set; }

    /// <summary>Keep orchestration state in memory between work items (<c>extendedSessionsEnabled</c>).</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>How long an idle extended session is kept (<c>extendedSessionIdleTimeoutInSeconds</c>; default 30).</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>
    /// Whether a worker must hold the app lease (a blob lease named after the app) before it takes partitions
    /// (<c>useAppLease</c>; default true). It keeps a second app (a deployment slot, say) off a task hub that
    /// another app is processing; every worker of one app shares the lease.
    /// </summary>
    public bool UseAppLease { get; set; } = true;

    /// <summary>The app lease's timings (<c>appLeaseOptions</c>), as the Durable extension reads them.</summary>
    public DurableAppLeaseSettings AppLeaseOptions { get; set; } = new();

    /// <summary>
    /// Binds the settings from a configuration section shaped like host.json's <c>extensions:durableTask</c>
    /// (for example <c>configuration.GetSection("AzureFunctionsJobHost:extensions:durableTask")</c>).
    /// </summary>
    public static DurableTaskSettings FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = new DurableTaskSettings();
        section.Bind(settings);
        return settings;
    }
}
