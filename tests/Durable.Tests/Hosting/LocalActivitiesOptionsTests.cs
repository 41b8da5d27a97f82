using Microsoft.Extensions.Configuration;

namespace GuanGong.Durable.Tests.Hosting;

public sealed class LocalActivitiesOptionsTests
{
    [Fact]
    public void FromConfiguration_LocalActivitiesKey_ReachesTheWorkerOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:localActivities"] = "true",
        }).Build();

        var worker = DurableTaskOptions.FromConfiguration(configuration).ApplyTo(new DurableTaskWorkerOptions());

        Assert.True(worker.LocalActivities);
    }

    [Fact]
    public void FromConfiguration_NoLocalActivitiesKey_KeepsActivitiesQueued()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = "Campaigns",
        }).Build();

        var worker = DurableTaskOptions.FromConfiguration(configuration).ApplyTo(new DurableTaskWorkerOptions());

        Assert.False(worker.LocalActivities);
        Assert.Equal(16, worker.LocalActivityMaxRounds);
        Assert.Equal(TimeSpan.FromSeconds(10), worker.LocalActivityTimeLimit);
    }
}
