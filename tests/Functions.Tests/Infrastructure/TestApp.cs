using GuanGong.Functions.Hosting;
using GuanGong.LocalStack;
using GuanGong.Testing;

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

    public Uri BaseAddress { get; }

    public string MailFolder { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
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
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = AppHost.Build([], overrides);
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
