using GuanGong.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuanGong.Durable.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task AddDurableTask_WithAzureStorage_RunsAnOrchestrationInAHost()
    {
        var azurite = await SharedAzurite.GetAsync();
        var hub = SharedAzurite.UniqueName("host");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = hub,
            ["extensions:durableTask:partitionCount"] = "2",
            ["extensions:durableTask:maxQueuePollingInterval"] = "00:00:02",
        });
        builder.Services.AddSingleton<Greeter>();
        builder.Services
            .AddDurableTask(builder.Configuration, registry => registry
                .AddActivity<GreetActivity>()
                .AddOrchestratorFunc<string, string>("Hello", (context, name) => context.CallActivityAsync<string>(nameof(GreetActivity), name)))
            .AddDurableTaskAzureStorage(azurite.Endpoints.ConnectionString);
        using var host = builder.Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Hello", "关工");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var metadata = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        await host.StopAsync();

        Assert.Equal("你好, 关工", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AddDurableTask_FakeClockOverAzurite_ADeadlineWeeksAwayFiresWhenTheClockJumps()
    {
        var azurite = await SharedAzurite.GetAsync();
        var time = new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = SharedAzurite.UniqueName("deadline"),
            ["extensions:durableTask:partitionCount"] = "1",
            ["extensions:durableTask:maxQueuePollingInterval"] = "00:00:01",
            ["extensions:durableTask:maxMessageDelay"] = "00:00:01",
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services
            .AddDurableTask(builder.Configuration, registry => registry
                .AddOrchestratorFunc<object?, string>("Review", async (context, _) =>
                {
                    try
                    {
                        return await context.WaitForExternalEvent<string>("decision", TimeSpan.FromDays(14));
                    }
                    catch (TaskCanceledException)
                    {
                        return "escalated at " + context.CurrentUtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    }
                }))
            .AddDurableTaskAzureStorage(azurite.Endpoints.ConnectionString);
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        var id = await client.ScheduleNewOrchestrationInstanceAsync("Review");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await client.GetInstanceAsync(id))!.RuntimeStatus != OrchestrationRuntimeStatus.Running)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, timeout.Token);
        }

        time.Advance(TimeSpan.FromDays(15));
        var metadata = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        await host.StopAsync();

        Assert.Equal("escalated at 2026-01-20", metadata.ReadOutputAs<string>());
    }

    internal sealed class Greeter
    {
        public string Greet(string name) => $"你好, {name}";
    }

    internal sealed class GreetActivity(Greeter greeter) : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(greeter.Greet(input));
    }
}
