namespace GuanGong.Durable.Tests;

/// <summary>An <see cref="EngineHarness"/> that counts the worker's backend calls, with local activities on unless configured off.</summary>
internal sealed class CountingEngineHarness(Action<DurableTaskRegistry> register, Action<DurableTaskWorkerOptions>? configure = null, int partitions = 4)
    : EngineHarness(register, options => { options.LocalActivities = true; configure?.Invoke(options); }, partitions, counting: true);
