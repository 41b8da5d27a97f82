using System.Globalization;
using GuanGong.Functions.Hosting;
using GuanGong.Functions.Records;
using GuanGong.LocalHost;
using GuanGong.LocalHost.DurableFunctions;
using GuanGong.LocalStack;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Testing.App;

/// <summary>
/// The real function app, run by the local host on a free loopback port against a real Azurite, with
/// its own tables and task hub and its own mailbox (a pickup folder, or an SMTP sink). The one way the
/// test suites start the app: tests talk to it over HTTP and read its mail.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private RunningApp(LocalFunctionsHost host, Uri baseAddress, string? mailFolder, SmtpSink? smtp, string connectionString, string tablePrefix, string hubName)
    {
        Host = host;
        BaseAddress = baseAddress;
        MailFolder = mailFolder;
        Smtp = smtp;
        ConnectionString = connectionString;
        TablePrefix = tablePrefix;
        HubName = hubName;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public LocalFunctionsHost Host { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The pickup folder mail is written to (null when <see cref="AppOptions.MailOverSmtp"/>).</summary>
    public string? MailFolder { get; }

    /// <summary>The SMTP sink mail is sent to (null unless <see cref="AppOptions.MailOverSmtp"/>).</summary>
    public SmtpSink? Smtp { get; }

    public string ConnectionString { get; }

    /// <summary>The Durable engine's storage requests (the app's own are <c>AppStorage.RequestCounter</c>).</summary>
    public StorageRequestCounter EngineRequests { get; private init; } = new();

    public string TablePrefix { get; }

    public string HubName { get; }

    /// <summary>The app's own services (what its Program.cs registered).</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The Durable client the host hands to <c>[DurableClient]</c> parameters.</summary>
    public DurableTaskClient Engine => Host.DurableClient ?? throw new InvalidOperationException("The host runs no Durable engine.");

    /// <summary>Starts the app with <paramref name="settings"/> over the kit's defaults, on <paramref name="time"/> if given.</summary>
    public static Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new AppOptions { Time = time };
        foreach (var (key, value) in settings)
        {
            options.Settings[key] = value;
        }

        return StartAsync(options);
    }

    public static async Task<RunningApp> StartAsync(AppOptions? options = null)
    {
        options ??= new AppOptions();
        var connectionString = options.ConnectionString ?? (await SharedAzurite.GetAsync()).Endpoints.ConnectionString;
        var port = FreePorts.Take(1)[0];
        var tablePrefix = options.TablePrefix ?? "t" + Guid.NewGuid().ToString("N")[..10];
        var hubName = options.HubName ?? "h" + Guid.NewGuid().ToString("N")[..10];
        var smtp = options.MailOverSmtp ? new SmtpSink() : null;
        var engineRequests = new StorageRequestCounter();
        var mailFolder = smtp is null ? Directory.CreateTempSubdirectory("gg-mail").FullName : null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [AppComposition.StorageSetting] = connectionString,
            ["WEBSITE_HOSTNAME"] = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["GuanGong:Profile"] = "Local",
            ["GuanGong:AdminKey"] = AdminKey,
            ["GuanGong:Demo:Seed"] = "false",
            ["GuanGong:Storage:TablePrefix"] = tablePrefix,
            ["Logging:LogLevel:Default"] = options.Logs is null ? "Warning" : "Trace",
            ["Logging:Console:LogLevel:Default"] = "Warning",
            // Each app its own task hub in the shared Azurite; idle queues polled often, so a test
            // waits for its orchestration in tenths of a second rather than the production interval.
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = hubName,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount"] = "1",
        };
        if (smtp is null)
        {
            settings["GuanGong:Mail:Delivery"] = "Pickup";
            settings["GuanGong:Mail:PickupDirectory"] = mailFolder;
        }
        else
        {
            settings["GuanGong:Mail:Delivery"] = "Smtp";
            settings["GuanGong:Mail:Smtp:Host"] = "127.0.0.1";
            settings["GuanGong:Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var hostOptions = new LocalHostOptions
        {
            AppAssembly = typeof(AppComposition).Assembly,
            Port = port,
            UseLocalSettings = false,
            RunTimers = options.RunTimers,
            RunDurableWorker = options.RunDurableWorker,
            Durable = EngineDurableBackend.With(engine =>
            {
                engine.StoragePolicies.Add(new EndpointCountingPolicy(engineRequests, connectionString));
                options.ConfigureEngine?.Invoke(engine);
            }),
            TimeProvider = options.Time ?? TimeProvider.System,
            ConfigureServices = services =>
            {
                if (options.Time is not null)
                {
                    services.AddSingleton(options.Time);
                }

                // GG_TEST_LOG=path: every app and engine log line of every app a test starts, appended to that file
                // (for looking into a failure; off by default).
                if (Environment.GetEnvironmentVariable("GG_TEST_LOG") is { Length: > 0 } logFile)
                {
                    services.AddLogging(builder => builder.AddProvider(new FileLogProvider(logFile)));
                    services.Configure<LoggerFilterOptions>(filters => filters.Rules.Add(new LoggerFilterRule(typeof(FileLogProvider).FullName, null, LogLevel.Information, null)));
                }

                if (options.Logs is not null)
                {
                    // A provider-specific rule wins over the app's per-category levels, so the capture sees Trace from every category.
                    var logs = options.Logs;
                    services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
                    services.Configure<LoggerFilterOptions>(filters => filters.Rules.Add(new LoggerFilterRule(logs.GetType().FullName, null, LogLevel.Trace, null)));
                }

                options.ConfigureServices?.Invoke(services);
            },
        };
        foreach (var (key, value) in settings)
        {
            hostOptions.Settings[key] = value;
        }

        var host = await LocalFunctionsHost.StartAsync(hostOptions);
        return new RunningApp(host, host.BaseAddress, mailFolder, smtp, connectionString, tablePrefix, hubName) { EngineRequests = engineRequests };
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }
}
