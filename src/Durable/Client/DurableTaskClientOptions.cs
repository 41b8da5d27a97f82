namespace GuanGong.Durable;

/// <summary>Client options.</summary>
public sealed class DurableTaskClientOptions
{
    /// <summary>Serializes inputs and event payloads (must match the worker's).</summary>
    public DataConverter DataConverter { get; set; } = JsonDataConverter.Default;

    /// <summary>The engine clock (creation times, delayed starts).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The clock for the status polling of <see cref="DurableTaskClient.WaitForInstanceCompletionAsync"/> (wall time by default).</summary>
    public TimeProvider PollingTimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The longest wait between status polls while waiting for completion (default 1 s).</summary>
    public TimeSpan MaxWaitPollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
