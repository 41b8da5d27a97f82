using System.Net.Http.Json;
using System.Text.Json;
using GuanGong.LocalHost.SampleApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuanGong.LocalHost.Tests;

public sealed class LoaderTests
{
    [Fact]
    public async Task StartAsync_LocalSettingsJson_ValuesBecomeConfiguration()
    {
        await using var host = await SampleHost.StartAsync();
        using var client = host.Client();

        var body = await client.GetFromJsonAsync<JsonElement>("api/greetings/x");

        Assert.NotNull(host.LocalSettings.Path);
        Assert.Equal(7071, host.LocalSettings.LocalHttpPort);
        Assert.Equal("Hello, x", body.GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task StartAsync_ExplicitSetting_WinsOverLocalSettings()
    {
        await using var host = await SampleHost.StartAsync(o => o.Settings["Sample:Greeting"] = "Howdy");

        Assert.Equal("Howdy, y", host.Services.GetRequiredService<Greeter>().Greet("y"));
    }

    [Fact]
    public async Task StartAsync_ConfigureServices_RunsAfterProgramRegistrations()
    {
        await using var host = await SampleHost.StartAsync(o => o.ConfigureServices = s => s.AddSingleton(new Greeter("Swapped")));
        using var client = host.Client();

        var body = await client.GetFromJsonAsync<JsonElement>("api/greetings/z");

        Assert.Equal("Swapped, z", body.GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task StartAsync_ManyHostsConcurrently_EachGetsItsOwnAppAndSettings()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SampleHost.StartAsync(o => o.Settings["Sample:Greeting"] = $"G{i}")));
        try
        {
            for (var i = 0; i < hosts.Length; i++)
            {
                using var client = hosts[i].Client();
                var body = await client.GetFromJsonAsync<JsonElement>("api/greetings/n");
                Assert.Equal($"G{i}, n", body.GetProperty("greeting").GetString());
            }

            Assert.Equal(4, hosts.Select(h => h.Services.GetRequiredService<AppCounters>()).Distinct().Count());
            Assert.Equal(4, hosts.Select(h => h.BaseAddress).Distinct().Count());
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StartAndStop_AppHostedService_StartedThenStoppedWorkerInternalsSkipped()
    {
        var host = await SampleHost.StartAsync();
        var marker = host.Services.GetServices<IHostedService>().OfType<StartupMarker>().Single();

        Assert.True(marker.IsRunning);
        Assert.Contains(marker, host.HostedServices);
        Assert.DoesNotContain(host.HostedServices, s => s.GetType().Assembly.GetName().Name!.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal));
        Assert.DoesNotContain(host.HostedServices, s => s.GetType().Name == "GenericWebHostService");

        await host.DisposeAsync();

        Assert.False(marker.IsRunning);
    }

    [Fact]
    public async Task StartAsync_StartAzuriteWithRealStorageAccount_StartsNone()
    {
        await using var host = await SampleHost.StartAsync(o =>
        {
            o.StartAzurite = true;
            o.AzuritePorts = AzuritePorts.Free;
            o.Settings["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=https;AccountName=elsewhere;AccountKey=a2V5;EndpointSuffix=core.windows.net";
        });

        Assert.Null(host.AzuriteProcessId);
    }
}
