using GuanGong.Functions.Hosting;
using GuanGong.LocalStack;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// The real app on a free loopback port against a real Azurite, with its own tables and task hub,
/// mail to an SMTP sink, and optionally a fake clock and a logger provider that sees every log line.
/// </summary>
internal sealed class ReliabilityApp : IAsyncDisposable
{
    public const string AdminKey = "reliability-admin-key";

    private readonly WebApplication _app;

    private ReliabilityApp(WebApplication app, Uri baseAddress, SmtpSink smtp, string connectionString, string tablePrefix, string hubName)
    {
        _app = app;
        BaseAddress = baseAddress;
        Smtp = smtp;
        ConnectionString = connectionString;
        TablePrefix = tablePrefix;
        HubName = hubName;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public SmtpSink Smtp { get; }

    public string ConnectionString { get; }

    public string TablePrefix { get; }

    public string HubName { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public WebApplication Host => _app;

    public static async Task<ReliabilityApp> StartAsync(
        string? connectionString = null, TimeProvider? time = null, ILoggerProvider? logs = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        connectionString ??= (await SharedAzurite.GetAsync()).Endpoints.ConnectionString;
        var smtp = new SmtpSink();
        var port = FreePorts.Take(1)[0];
        var tablePrefix = "r" + Guid.NewGuid().ToString("N")[..10];
        var hubName = "h" + Guid.NewGuid().ToString("N")[..10];
        var overrides = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["GuanGong:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GuanGong:Profile"] = "Local",
            ["GuanGong:Mail:Delivery"] = "Smtp",
            ["GuanGong:Mail:Smtp:Host"] = "127.0.0.1",
            ["GuanGong:Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = logs is null ? "Warning" : "Trace",
            // The console stays quiet; a capturing provider still sees everything.
            ["Logging:Console:LogLevel:Default"] = "Warning",
            ["GuanGong:AdminKey"] = AdminKey,
            ["GuanGong:Demo:Seed"] = "false",
            ["GuanGong:Storage:TablePrefix"] = tablePrefix,
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = hubName,
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

            if (logs is not null)
            {
                // A provider-specific rule wins over the app's per-category levels, so the capture sees Trace from every category.
                services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
            }

            configureServices?.Invoke(services);
        });
        await app.StartAsync();
        return new ReliabilityApp(app, new Uri($"http://127.0.0.1:{port}"), smtp, connectionString, tablePrefix, hubName);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
