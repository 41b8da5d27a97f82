using GuanGong.Durable.AzureStorage;
using GuanGong.Storage;
using GuanGong.Testing;

namespace GuanGong.Durable.Tests;

/// <summary>An engine on a fresh task hub in the shared Azurite, with a fake engine clock and short real visibility timeouts.</summary>
internal sealed class AzureEngineHarness : IAsyncDisposable
{
    private AzureEngineHarness(string connectionString, Action<DurableTaskRegistry> register, Action<DurableTaskWorkerOptions>? configure, AzureStorageBackendOptions backendOptions)
    {
        Time = new FakeTimeProvider();
        Requests = new StorageRequestCounter();
        ConnectionString = connectionString;
        BackendOptions = backendOptions;
        Backend = AzureStorageOrchestrationBackend.FromConnectionString(connectionString, backendOptions, Requests);
        Registry = new DurableTaskRegistry();
        register(Registry);
        Options = new DurableTaskWorkerOptions { TimeProvider = Time, MessageVisibilityTimeout = TimeSpan.FromSeconds(1) };
        configure?.Invoke(Options);
        Worker = new DurableTaskWorker(Backend, Registry, Options);
        Client = new DurableTaskClient(Backend, new DurableTaskClientOptions { TimeProvider = Time });
    }

    public FakeTimeProvider Time { get; }

    public StorageRequestCounter Requests { get; }

    public string ConnectionString { get; }

    public AzureStorageBackendOptions BackendOptions { get; }

    public AzureStorageOrchestrationBackend Backend { get; }

    public DurableTaskRegistry Registry { get; }

    public DurableTaskWorkerOptions Options { get; }

    public DurableTaskWorker Worker { get; }

    public DurableTaskClient Client { get; }

    public static async Task<AzureEngineHarness> CreateAsync(
        Action<DurableTaskRegistry> register,
        Action<DurableTaskWorkerOptions>? configure = null,
        Action<AzureStorageBackendOptions>? configureBackend = null)
    {
        var azurite = await SharedAzurite.GetAsync();
        var backendOptions = new AzureStorageBackendOptions { TaskHubName = SharedAzurite.UniqueName("hub"), PartitionCount = 2 };
        configureBackend?.Invoke(backendOptions);
        var harness = new AzureEngineHarness(azurite.Endpoints.ConnectionString, register, configure, backendOptions);
        await harness.Backend.CreateIfNotExistsAsync();
        return harness;
    }

    public Task<int> DrainAsync() => Worker.ProcessPendingAsync();

    public async Task<string> StartAsync(string name, object? input = null, StartOrchestrationOptions? options = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, options);
        await DrainAsync();
        return id;
    }

    /// <summary>Drains until the instance finishes; between rounds moves the fake clock and waits a little real time (Azurite's visibility timeouts are real).</summary>
    public async Task<OrchestrationMetadata> RunToCompletionAsync(string instanceId, TimeSpan? fakeStep = null, int maxRounds = 40)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            await DrainAsync();
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            if (fakeStep is { } step)
            {
                Time.Advance(step);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        }

        throw new TimeoutException($"Instance {instanceId} did not complete in {maxRounds} rounds.");
    }

    public async Task<OrchestrationMetadata> GetAsync(string instanceId) =>
        await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true) ?? throw new InvalidOperationException($"No instance {instanceId}.");

    public ValueTask DisposeAsync() => Worker.DisposeAsync();
}
