using GuanGong.Functions.Hosting;
using GuanGong.LocalStack;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Infrastructure;

/// <summary>
/// The real app on a free loopback port against a real Azurite (the shared test instance), with its
/// own pickup mail folder. Tests talk to it over HTTP only.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, Uri baseAddress, string mailFolder)
    {
        _app = app;
        BaseAddress = baseAddress;
        MailFolder = mailFolder;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public const string AdminKey = "test-admin-key";

    public Uri BaseAddress { get; }

    public string MailFolder { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var azurite = await SharedAzurite.GetAsync();
        var port = FreePorts.Take(1)[0];
        var mailFolder = Directory.CreateTempSubdirectory("gg-mail").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
            ["GuanGong:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GuanGong:Profile"] = "Local",
            ["GuanGong:Mail:Delivery"] = "Pickup",
            ["GuanGong:Mail:PickupDirectory"] = mailFolder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["GuanGong:AdminKey"] = AdminKey,
            ["GuanGong:Demo:Seed"] = "false",
            // Each app gets its own tables and task hub in the shared Azurite, so tests run in parallel.
            ["GuanGong:Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "h" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost:extensions:durableTask:maxQueuePollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost:extensions:durableTask:maxMessageDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = AppHost.Build([], overrides, services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });
        await app.StartAsync();
        return new TestApp(app, new Uri($"http://127.0.0.1:{port}"), mailFolder);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
