using DurableTask.AzureStorage.Partitioning;

namespace GuanGong.LocalHost.Durable;

/// <summary>host.json <c>extensions.durableTask.appLeaseOptions</c>, with DTFx's defaults.</summary>
public sealed class DurableAppLeaseSettings
{
    /// <summary>How often the holder renews the app lease (<c>renewInterval</c>; default 25 s).</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How often a worker without the lease tries to take it (<c>acquireInterval</c>; default 5 min).</summary>
    public TimeSpan AcquireInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The blob lease's duration (<c>leaseInterval</c>; 15–60 s, default 60 s).</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(60);

    internal AppLeaseOptions ToDtfx() => new()
    {
        RenewInterval = RenewInterval,
        AcquireInterval = AcquireInterval,
        LeaseInterval = LeaseInterval,
    };
}
