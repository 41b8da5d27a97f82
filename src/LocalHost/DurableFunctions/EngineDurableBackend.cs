using GuanGong.LocalHost.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;

namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>
/// The Durable backend on LocalHost.Durable: DTFx over Azure Storage (the engine the Durable extension
/// runs in Azure), with host.json's durableTask settings, the app's storage connection and the host's clock.
/// </summary>
public sealed class EngineDurableBackend : IDurableBackend
{
    private readonly DurableTaskEngine _engine;
    private DurableEngineWorker? _worker;

    private EngineDurableBackend(DurableTaskEngine engine)
    {
        _engine = engine;
        Client = engine.CreateClient();
    }

    /// <summary>Makes the backend (the <see cref="DurableBackendFactory"/> the command line uses).</summary>
    public static DurableBackendFactory Factory { get; } = (context, _) => Task.FromResult<IDurableBackend>(Create(context));

    /// <summary>A factory that adjusts the engine's options (tests: poison count, middleware, a task hub name).</summary>
    public static DurableBackendFactory With(Action<DurableEngineOptions> configure) =>
        (context, _) => Task.FromResult<IDurableBackend>(Create(context, configure));

    /// <inheritdoc />
    public DurableTaskClient Client { get; }

    /// <summary>The engine (its task hub name, its storage layout).</summary>
    public DurableTaskEngine Engine => _engine;

    /// <inheritdoc />
    public DataConverter DataConverter => JsonDataConverter.Default;

    /// <inheritdoc />
    public async Task StartWorkerAsync(IDurableTaskFactory functions, IServiceProvider appServices, CancellationToken cancellationToken) =>
        _worker = await _engine.StartWorkerAsync(functions, appServices, new DurableTaskWorkerOptions { DataConverter = DataConverter });

    /// <inheritdoc />
    public Task<ReplayCheckReport> CheckReplayAsync(IDurableTaskFactory functions, IServiceProvider appServices, CancellationToken cancellationToken) =>
        _engine.CheckReplayAsync(functions, appServices, cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await Client.DisposeAsync();
        await _engine.DisposeAsync();
    }

    private static EngineDurableBackend Create(DurableBackendContext context, Action<DurableEngineOptions>? configure = null)
    {
        var options = new DurableEngineOptions
        {
            Settings = DurableTaskSettings.FromConfiguration(context.DurableTask),
            Configuration = context.AppConfiguration,
            TimeProvider = context.TimeProvider,
            LoggerFactory = context.LoggerFactory,
        };
        configure?.Invoke(options);
        return new EngineDurableBackend(new DurableTaskEngine(options));
    }
}
