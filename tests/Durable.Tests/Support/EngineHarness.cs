using GuanGong.Testing;

namespace GuanGong.Durable.Tests;

/// <summary>
/// An engine on the in-memory backend with a fake clock, driven step by step by the test. With
/// <c>counting</c>, the worker talks to the backend through a <see cref="CountingBackend"/>, so a
/// test can see how many messages and receives its episodes made.
/// </summary>
internal class EngineHarness : IAsyncDisposable
{
    public EngineHarness(Action<DurableTaskRegistry> register, Action<DurableTaskWorkerOptions>? configure = null, int partitions = 4, bool counting = false)
    {
        Time = new FakeTimeProvider();
        Backend = new InMemoryOrchestrationBackend(Time, partitions);
        Counting = new CountingBackend(Backend);
        Registry = new DurableTaskRegistry();
        register(Registry);
        Options = new DurableTaskWorkerOptions { TimeProvider = Time };
        configure?.Invoke(Options);
        Worker = new DurableTaskWorker(counting ? Counting : Backend, Registry, Options);
        Client = new DurableTaskClient(Backend, new DurableTaskClientOptions { TimeProvider = Time });
    }

    public FakeTimeProvider Time { get; }

    public InMemoryOrchestrationBackend Backend { get; }

    /// <summary>What the worker sent and received, when the harness was made with <c>counting</c>.</summary>
    public CountingBackend Counting { get; }

    public DurableTaskRegistry Registry { get; }

    public DurableTaskWorkerOptions Options { get; }

    public DurableTaskWorker Worker { get; }

    public DurableTaskClient Client { get; }

    /// <summary>Processes everything visible now.</summary>
    public Task<int> DrainAsync() => Worker.ProcessPendingAsync();

    /// <summary>Starts an instance and drains until nothing is visible.</summary>
    public async Task<string> StartAsync(string name, object? input = null, StartOrchestrationOptions? options = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, options);
        await DrainAsync();
        return id;
    }

    /// <summary>Drains, and while the instance is unfinished moves the clock by <paramref name="step"/> and drains again.</summary>
    public async Task<OrchestrationMetadata> RunToCompletionAsync(string instanceId, TimeSpan step, int maxSteps = 50)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            await DrainAsync();
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            Time.Advance(step);
        }

        throw new TimeoutException($"Instance {instanceId} did not complete within {maxSteps} steps of {step}.");
    }

    public async Task<OrchestrationMetadata> GetAsync(string instanceId) =>
        await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true) ?? throw new InvalidOperationException($"No instance {instanceId}.");

    public ValueTask DisposeAsync() => Worker.DisposeAsync();
}
