using GuanGong.LocalHost.Configuration;
using GuanGong.LocalHost.DurableFunctions;
using GuanGong.LocalHost.Http;
using GuanGong.LocalHost.Invocation;
using GuanGong.LocalHost.Loading;
using GuanGong.LocalHost.Metadata;
using GuanGong.LocalHost.Timers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost;

/// <summary>
/// Runs a compiled .NET isolated function app without the Azure Functions host: the app's own
/// Program.cs builds its services, functions.metadata says which functions exist, HTTP functions are
/// served by ASP.NET Core on loopback, timer triggers fire on their CRON schedule, orchestrator and
/// activity functions run on a Durable backend. Many hosts may run in one process (one app instance each).
/// </summary>
public sealed partial class LocalFunctionsHost : IAsyncDisposable
{
    /// <summary>The port the Functions host uses by default (<c>func start</c>).</summary>
    public const int DefaultPort = 7071;

    private const string StorageSetting = "AzureWebJobsStorage";

    private readonly CapturedApp _app;
    private readonly AppHostedServices _hostedServices;
    private readonly HttpFunctionServer? _http;
    private readonly IDurableBackend? _durable;
    private readonly LocalAzurite? _azurite;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(TimerFunctionRunner Runner, Task Loop)> _timers = [];
    private readonly ILogger _logger;
    private TimeSpan _shutdownTimeout = TimeSpan.FromSeconds(30);
    private DurableStart? _durableStart;
    private FunctionTaskFactory? _durableTasks;
    private int _disposed;

    private LocalFunctionsHost(
        CapturedApp app,
        IReadOnlyList<FunctionMetadataEntry> functions,
        HostJsonFile hostJson,
        LocalSettingsFile localSettings,
        AppHostedServices hostedServices,
        HttpFunctionServer? http,
        IDurableBackend? durable,
        LocalAzurite? azurite,
        ILogger logger)
    {
        _app = app;
        Functions = functions;
        HostJson = hostJson;
        LocalSettings = localSettings;
        _hostedServices = hostedServices;
        _http = http;
        _durable = durable;
        _azurite = azurite;
        _logger = logger;
    }

    /// <summary>
    /// The deployment check: replays every in-flight orchestration of the task hub against this build's orchestrator
    /// functions and reports those that would fail (renamed or reordered activities, a changed timer…), before the
    /// build takes traffic. Run it with the worker off (<see cref="LocalHostOptions.RunDurableWorker"/>).
    /// </summary>
    public Task<GuanGong.LocalHost.Durable.ReplayCheckReport> CheckDeploymentAsync(CancellationToken cancellationToken = default) =>
        _durable is null || _durableTasks is null
            ? throw new InvalidOperationException("The app has no Durable functions to check.")
            : _durable.CheckReplayAsync(_durableTasks, Services, cancellationToken);

    /// <summary>Whether the Durable worker is running (it starts in the background while storage is unreachable).</summary>
    public bool DurableWorkerStarted => _durableStart?.Started ?? false;

    /// <summary>Where the HTTP functions answer, e.g. http://127.0.0.1:7071/.</summary>
    public Uri BaseAddress => _http?.BaseAddress ?? throw new InvalidOperationException("The app has no HTTP functions.");

    /// <summary>The base address, or "(no HTTP functions)".</summary>
    public string BaseAddressOrNone => _http?.BaseAddress.ToString() ?? "(no HTTP functions)";

    /// <summary>The app's service provider (built by its own Program.cs).</summary>
    public IServiceProvider Services => _app.Host.Services;

    /// <summary>The client <c>[DurableClient]</c> parameters receive; null without a Durable backend.</summary>
    public DurableTaskClient? DurableClient => _durable?.Client;

    /// <summary>The functions of functions.metadata this host serves or runs (disabled ones left out).</summary>
    public IReadOnlyList<FunctionMetadataEntry> Functions { get; }

    /// <summary>The routes served, e.g. "GET /api/items/{id:int}".</summary>
    public IReadOnlyList<string> Routes => _http is null ? [] : [.. _http.Routes.Select(r => $"{string.Join(',', r.Methods)} {r.Pattern}")];

    /// <summary>The app's host.json (with overrides).</summary>
    public HostJsonFile HostJson { get; }

    /// <summary>The local.settings.json that was read (<see cref="LocalSettingsFile.None"/> if none).</summary>
    public LocalSettingsFile LocalSettings { get; }

    /// <summary>The app's hosted services this host started (the worker's own are not among them).</summary>
    public IReadOnlyList<IHostedService> HostedServices => _hostedServices.Started;

    /// <summary>The process id of the Azurite this host started, if it started one.</summary>
    public int? AzuriteProcessId => _azurite?.OwnedProcessId;

    /// <summary>How many times each timer function has fired.</summary>
    public IReadOnlyDictionary<string, int> TimerTicks => _timers.ToDictionary(t => t.Runner.Name, t => t.Runner.Ticks);

    /// <summary>Loads the app, builds it with its own Program.cs, and starts serving it.</summary>
    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assembly = options.AppAssembly
            ?? (options.AppPath is { } path ? AppAssemblyLoader.Load(path) : throw new ArgumentException("Set AppAssembly or AppPath.", nameof(options)));
        var appDirectory = options.AppDirectory ?? Path.GetDirectoryName(assembly.Location)
            ?? throw new ArgumentException("The app assembly has no location; set AppDirectory.", nameof(options));
        var metadata = FunctionMetadataFile.Read(appDirectory);
        var localSettings = options.UseLocalSettings ? LocalSettingsFile.Find(appDirectory, Directory.GetCurrentDirectory()) : LocalSettingsFile.None;

        var bootLogger = options.LoggerFactory?.CreateLogger<LocalFunctionsHost>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var settings = MergeSettings(localSettings, options.Settings);
        var plannedPort = options.Port ?? localSettings.LocalHttpPort ?? DefaultPort;
        if (plannedPort != 0 && !settings.ContainsKey("WEBSITE_HOSTNAME") && Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is null)
        {
            // The Functions host tells the app its own address this way (Azure: the site's host name; Core Tools:
            // localhost:7071); apps build absolute links from it.
            settings["WEBSITE_HOSTNAME"] = $"127.0.0.1:{plannedPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        LocalAzurite? azurite = null;
        CapturedApp? app = null;
        AppHostedServices? hostedServices = null;
        IDurableBackend? durable = null;
        HttpFunctionServer? http = null;
        try
        {
            if (options.StartAzurite && UsesDevelopmentStorage(settings))
            {
                azurite = await LocalAzurite.EnsureAsync(options, bootLogger, cancellationToken);
                PointDevelopmentStorageAt(settings, azurite.Endpoints.ConnectionString);
            }

            IReadOnlyList<string> removed = [];
            // Settings reach the app twice: as command-line arguments, which CreateBuilder(args) adds to the
            // configuration before Program.cs reads it (HostBuilding comes only at Build(), too late for code
            // that reads configuration while registering services), and as the last source on HostBuilding,
            // for apps that do not pass args. One process may run many apps, so never environment variables.
            string[] args = [.. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}"), .. options.Args];
            app = await EntryPointRunner.RunAsync(assembly, args, settings, services =>
            {
                removed = AppHostedServices.RemoveWorkerInternals(services);
                // IActionResult executors (ConfigureFunctionsWebApplication registers MVC too; this is for apps that do not).
                services.AddMvcCore();
                options.ConfigureServices?.Invoke(services);
            }, options.StartTimeout, cancellationToken);

            var appServices = app.Host.Services;
            var configuration = appServices.GetRequiredService<IConfiguration>();
            var loggerFactory = options.LoggerFactory ?? appServices.GetRequiredService<ILoggerFactory>();
            var logger = loggerFactory.CreateLogger<LocalFunctionsHost>();
            var hostJson = HostJsonFile.Read(appDirectory, configuration);
            var enabled = metadata.Where(f => !IsDisabled(configuration, f.Name)).ToList();
            var functions = enabled.Select(f => LocalFunction.Resolve(f, assembly)).ToList();

            foreach (var type in removed)
            {
                LogWorkerServiceRemoved(logger, type);
            }

            hostedServices = new AppHostedServices(appServices, logger);
            await hostedServices.StartAsync(cancellationToken);

            DurableStart? durableStart = null;
            FunctionTaskFactory? durableTasks = null;
            var durableFunctions = functions.Where(DurableFunctionRegistry.IsDurableFunction).ToList();
            if (options.Durable is { } makeDurable && (durableFunctions.Count > 0 || functions.Any(UsesDurableClient)))
            {
                durable = await makeDurable(
                    new DurableBackendContext(hostJson.Configuration.GetSection("extensions:durableTask"), configuration, options.TimeProvider, loggerFactory),
                    cancellationToken);
                durableTasks = new FunctionTaskFactory(durableFunctions, appServices, durable.DataConverter);
                if (options.RunDurableWorker)
                {
                    durableStart = DurableStart.Begin(durable, durableTasks, appServices, logger);
                    await durableStart.WaitForFirstAttemptAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }
            }

            var routes = functions.Where(IsHttp).Select(f => HttpFunctionRoute.For(f, hostJson.RoutePrefix)).ToList();
            if (routes.Count > 0)
            {
                var port = options.Port ?? localSettings.LocalHttpPort ?? DefaultPort;
                http = await HttpFunctionServer.StartAsync(routes, port, appServices, () => durable?.Client, loggerFactory, cancellationToken);
                LogServing(logger, http.BaseAddress, routes.Count);
            }

            var host = new LocalFunctionsHost(app, enabled, hostJson, localSettings, hostedServices, http, durable, azurite, logger)
            {
                _shutdownTimeout = options.ShutdownTimeout,
                _durableStart = durableStart,
                _durableTasks = durableTasks,
            };
            if (options.RunTimers)
            {
                host.StartTimers(functions, configuration, options.TimeProvider);
            }

            return host;
        }
        catch
        {
            // Undo what started, in reverse, so a failed start leaves no port, worker or Azurite behind.
            if (http is not null)
            {
                await http.DisposeAsync();
            }

            if (durable is not null)
            {
                await durable.DisposeAsync();
            }

            if (hostedServices is not null)
            {
                await hostedServices.StopAsync(CancellationToken.None);
            }

            if (app is not null)
            {
                await DisposeHostAsync(app.Host);
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Stops timers, HTTP, the app's hosted services, the Durable worker and Azurite (if this host started it).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_timers.Select(t => t.Loop));
        if (_http is not null)
        {
            await _http.StopAsync(cancellationToken);
            await _http.DisposeAsync();
        }

        if (_durableStart is not null)
        {
            await _durableStart.CancelAsync();
        }

        // The app's hosted services stop while the Durable engine still runs, so what they hand to it on their way
        // out (queued orchestration starts, say) still reaches it; in Azure the Functions host outlives the worker.
        await _hostedServices.StopAsync(cancellationToken);
        if (_durable is not null)
        {
            // A graceful DTFx stop drains in-flight orchestrations; one that never yields (it awaited a
            // non-durable task) would hold shutdown for DTFx's 10-minute limit. Bounded here: what is left
            // is redelivered after the queues' visibility timeout, as after a crash.
            try
            {
                await _durable.StopAsync(cancellationToken).WaitAsync(_shutdownTimeout, cancellationToken);
                await _durable.DisposeAsync().AsTask().WaitAsync(_shutdownTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                LogDurableStopTimedOut(_logger, _shutdownTimeout);
            }
        }

        await DisposeHostAsync(_app.Host);
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _stopping.Dispose();
        LogStopped(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private void StartTimers(IEnumerable<LocalFunction> functions, IConfiguration configuration, TimeProvider time)
    {
        foreach (var function in functions)
        {
            if (function.Metadata.Trigger is { Schedule: { } schedule } trigger
                && string.Equals(trigger.Type, "timerTrigger", StringComparison.OrdinalIgnoreCase))
            {
                var runner = new TimerFunctionRunner(function, TimerSchedule.Parse(function.Name, schedule, configuration), Services, time, () => _durable?.Client, _logger);
                // The schedule starts from the clock as it reads now, not when the loop first runs, so a
                // test that advances a fake clock right after start cannot skip the first occurrence.
                var startedAt = time.GetUtcNow().UtcDateTime;
                _timers.Add((runner, Task.Run(() => runner.RunAsync(startedAt, _stopping.Token))));
            }
        }
    }

    private static Dictionary<string, string?> MergeSettings(LocalSettingsFile localSettings, IDictionary<string, string?> explicitSettings)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in localSettings.Values)
        {
            // Core Tools does not overwrite a setting the environment already has.
            if (Environment.GetEnvironmentVariable(key) is null && Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)) is null)
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in explicitSettings)
        {
            settings[LocalSettingsFile.ToConfigurationKey(key)] = value;
        }

        return settings;
    }

    private static bool UsesDevelopmentStorage(Dictionary<string, string?> settings)
    {
        var current = settings.TryGetValue(StorageSetting, out var value) ? value : Environment.GetEnvironmentVariable(StorageSetting);
        return current is null || current.Trim().TrimEnd(';').Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);
    }

    private static void PointDevelopmentStorageAt(Dictionary<string, string?> settings, string connectionString)
    {
        if (UsesDevelopmentStorage(settings))
        {
            settings[StorageSetting] = connectionString;
        }
    }

    private static bool IsDisabled(IConfiguration configuration, string function) =>
        bool.TryParse(configuration[$"AzureWebJobs.{function}.Disabled"], out var disabled) && disabled;

    private static bool IsHttp(LocalFunction function) =>
        string.Equals(function.Metadata.Trigger?.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase);

    private static bool UsesDurableClient(LocalFunction function) =>
        function.Metadata.Bindings.Any(b => string.Equals(b.Type, "durableClient", StringComparison.OrdinalIgnoreCase));

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Count} HTTP functions at {BaseAddress}")]
    private static partial void LogServing(ILogger logger, Uri baseAddress, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The worker's hosted service {Type} is not run (no Functions host to talk to)")]
    private static partial void LogWorkerServiceRemoved(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Durable worker did not stop within {Timeout}; leaving its in-flight work to redelivery")]
    private static partial void LogDurableStopTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local host stopped")]
    private static partial void LogStopped(ILogger logger);
}
