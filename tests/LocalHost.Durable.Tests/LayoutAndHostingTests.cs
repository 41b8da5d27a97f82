using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace GuanGong.LocalHost.Durable.Tests;

public sealed class LayoutAndHostingTests(ITestOutputHelper output) : EngineTestBase
{
    [Fact]
    public async Task HostedWorkerAndClient_FromDi_RunAChain_AndTheHubHasDurablesLayout()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDurableTaskEngine((_, o) =>
        {
            var template = Options();
            o.ConnectionString = template.ConnectionString;
            o.Settings = template.Settings;
            o.ClientPollingInterval = template.ClientPollingInterval;
        });
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(r => r
                .AddActivityFunc<string, string>("Upper", (_, s) => s.ToUpperInvariant())
                .AddOrchestratorFunc<string, string>("Shout", async (ctx, s) =>
                    await ctx.CallActivityAsync<string>("Upper", s) + await ctx.CallActivityAsync<string>("Upper", "!")));
            b.UseAzureStorageEngine();
        });
        builder.Services.AddDurableTaskClient(b => b.UseAzureStorageEngine());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("Shout", "hi");
            Assert.Equal("HI!", (await CompleteAsync(client, id)).ReadOutputAs<string>());

            var layout = await host.Services.GetRequiredService<DurableTaskEngine>().GetLayoutAsync();
            output.WriteLine($"tables: {string.Join(", ", layout.Tables)}; queues: {string.Join(", ", layout.Queues)}; containers: {string.Join(", ", layout.Containers)}");
            Assert.Contains(Hub + "History", layout.Tables, StringComparer.OrdinalIgnoreCase);
            Assert.Contains(Hub + "Instances", layout.Tables, StringComparer.OrdinalIgnoreCase);
            Assert.Contains(Hub + "-control-00", layout.Queues);
            Assert.Contains(Hub + "-control-01", layout.Queues);
            Assert.Contains(Hub + "-workitems", layout.Queues);
            // Partition leases live in a table with Durable 3.x's table partition management; the app lease in a blob.
            Assert.Contains(Hub + "Partitions", layout.Tables, StringComparer.OrdinalIgnoreCase);
            Assert.Contains(Hub + "-applease", layout.Containers);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Settings_BoundFromHostJsonShape_MapAllFields()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = "GuanGongHub",
            ["extensions:durableTask:maxConcurrentActivityFunctions"] = "7",
            ["extensions:durableTask:maxConcurrentOrchestratorFunctions"] = "9",
            ["extensions:durableTask:extendedSessionsEnabled"] = "true",
            ["extensions:durableTask:extendedSessionIdleTimeoutInSeconds"] = "12",
            ["extensions:durableTask:storageProvider:partitionCount"] = "3",
            ["extensions:durableTask:storageProvider:controlQueueVisibilityTimeout"] = "00:01:00",
            ["extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout"] = "00:00:45",
            ["extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:10",
            ["extensions:durableTask:storageProvider:controlQueueBatchSize"] = "16",
            ["extensions:durableTask:storageProvider:connectionName"] = "Storage",
            ["extensions:durableTask:useAppLease"] = "false",
            ["extensions:durableTask:appLeaseOptions:renewInterval"] = "00:00:20",
        }).Build();

        var settings = DurableTaskSettings.FromConfiguration(config.GetSection("extensions:durableTask"));

        Assert.Equal("GuanGongHub", settings.HubName);
        Assert.Equal(7, settings.MaxConcurrentActivityFunctions);
        Assert.Equal(9, settings.MaxConcurrentOrchestratorFunctions);
        Assert.True(settings.ExtendedSessionsEnabled);
        Assert.Equal(12, settings.ExtendedSessionIdleTimeoutInSeconds);
        Assert.Equal(3, settings.StorageProvider.PartitionCount);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.StorageProvider.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.StorageProvider.WorkItemQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.StorageProvider.MaxQueuePollingInterval);
        Assert.Equal(16, settings.StorageProvider.ControlQueueBatchSize);
        Assert.Equal("Storage", settings.StorageProvider.EffectiveConnectionName);
        Assert.Equal("AzureWebJobsStorage", new DurableStorageProviderSettings().EffectiveConnectionName);
        Assert.False(settings.UseAppLease);
        Assert.True(new DurableTaskSettings().UseAppLease);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.AppLeaseOptions.RenewInterval);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.AppLeaseOptions.LeaseInterval);
    }

    [Fact]
    public void Connection_IdentityBased_NeedsServiceUris_ConnectionStringPreferred()
    {
        var identity = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();
        var none = new ConfigurationBuilder().Build();

        Assert.NotNull(StorageConnection.CreateProvider(new DurableEngineOptions { Configuration = identity }));
        Assert.Throws<InvalidOperationException>(() => StorageConnection.CreateProvider(new DurableEngineOptions { Configuration = none }));
    }
}
