using Microsoft.Extensions.Configuration;

namespace GuanGong.Durable.Tests.Hosting;

public sealed class DurableTaskOptionsTests
{
    [Fact]
    public void FromConfiguration_HostJsonSection_BindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = "Campaigns",
            ["extensions:durableTask:maxConcurrentActivityFunctions"] = "7",
            ["extensions:durableTask:maxConcurrentOrchestratorFunctions"] = "9",
            ["extensions:durableTask:storageProvider:partitionCount"] = "8",
            ["extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:05",
            ["extensions:durableTask:messageVisibilityTimeout"] = "00:02:00",
            ["extensions:durableTask:maxMessageDelay"] = "00:00:01",
        }).Build();

        var options = DurableTaskOptions.FromConfiguration(configuration);
        var worker = options.ApplyTo(new DurableTaskWorkerOptions());

        Assert.Equal(("Campaigns", 8, 7, 9), (options.HubName, options.PartitionCount, worker.MaxConcurrentActivityFunctions, worker.MaxConcurrentOrchestratorFunctions));
        Assert.Equal(TimeSpan.FromSeconds(5), worker.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), worker.MessageVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MaxMessageDelay);
    }

    [Fact]
    public void FromConfiguration_FunctionsHostSection_WinsOverThePlainOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = "Plain",
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "FromHost",
            ["AzureFunctionsJobHost:extensions:durableTask:partitionCount"] = "2",
            ["AzureFunctionsJobHost:extensions:durableTask:maxQueuePollingInterval"] = "00:01:00",
        }).Build();

        var options = DurableTaskOptions.FromConfiguration(configuration);

        Assert.Equal(("FromHost", 2, TimeSpan.FromMinutes(1)), (options.HubName, options.PartitionCount, options.MaxQueuePollingInterval));
    }
}
