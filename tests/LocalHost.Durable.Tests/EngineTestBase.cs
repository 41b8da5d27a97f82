using GuanGong.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.LocalHost.Durable.Tests;

/// <summary>
/// A fresh task hub on the shared Azurite per test. Timeouts are short so a test never waits minutes: 2 partitions,
/// 5 s visibility (a dequeued-and-lost message comes back after 5 s), polling at most every 500 ms.
/// </summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    private readonly List<DurableTaskEngine> _engines = [];
    private readonly List<DurableEngineWorker> _workers = [];

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    protected string Hub { get; } = SharedAzurite.UniqueName("hub");

    protected string ConnectionString { get; private set; } = string.Empty;

    protected IServiceProvider Services { get; } = new ServiceCollection().BuildServiceProvider();

    public async Task InitializeAsync() => ConnectionString = (await SharedAzurite.GetAsync()).Endpoints.ConnectionString;

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }
    }

    protected DurableEngineOptions Options(Action<DurableEngineOptions>? configure = null)
    {
        var options = new DurableEngineOptions
        {
            ConnectionString = ConnectionString,
            Settings = new DurableTaskSettings
            {
                HubName = Hub,
                StorageProvider = new DurableStorageProviderSettings
                {
                    PartitionCount = 2,
                    ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(5),
                    WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(5),
                    MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
                },
            },
            ClientPollingInterval = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        return options;
    }

    protected DurableTaskEngine Engine(Action<DurableEngineOptions>? configure = null)
    {
        var engine = new DurableTaskEngine(Options(configure));
        _engines.Add(engine);
        return engine;
    }

    protected async Task<DurableEngineWorker> StartAsync(DurableTaskEngine engine, TestTaskFactory factory)
    {
        var worker = await engine.StartWorkerAsync(factory, Services);
        _workers.Add(worker);
        return worker;
    }

    protected static async Task<OrchestrationMetadata> CompleteAsync(DurableTaskClient client, string instanceId)
    {
        using var cts = new CancellationTokenSource(Patience);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
    }

    protected static async Task<OrchestrationMetadata> UntilAsync(
        DurableTaskClient client, string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cts.Token);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(200, cts.Token);
        }
    }
}
