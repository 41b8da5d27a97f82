using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuanGong.LocalHost.Loading;

/// <summary>
/// Runs a function app's own entry point (its Program.cs) and takes the host it builds, the way
/// WebApplicationFactory does: it listens on the "Microsoft.Extensions.Hosting" DiagnosticListener,
/// adds configuration and services on HostBuilding, captures the IHost on HostBuilt and throws to stop
/// Main before Run(). Runs are serialised (apps may keep static state while building), and each run
/// only reacts to events raised under its own async flow, so other hosts being built in the same
/// process (this host's own web server, a test's WebApplicationFactory) are left alone.
/// </summary>
internal sealed class EntryPointRunner : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string HostingListener = "Microsoft.Extensions.Hosting";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly AsyncLocal<EntryPointRunner?> Current = new();

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection> _configureServices;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _subscriptionsGate = new();
    private IServiceCollection? _services;
    private IHost? _host;

    private EntryPointRunner(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> configureServices)
    {
        _settings = settings;
        _configureServices = configureServices;
    }

    /// <summary>Runs <paramref name="app"/>'s entry point until it has built its host; returns that host.</summary>
    public static async Task<CapturedApp> RunAsync(
        Assembly app,
        string[] args,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection> configureServices,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var entryPoint = app.EntryPoint
            ?? throw new InvalidOperationException($"{app.GetName().Name} has no entry point: a .NET isolated function app is an Exe with a Program.cs.");

        await Gate.WaitAsync(cancellationToken);
        try
        {
            var runner = new EntryPointRunner(settings, configureServices);
            using var allListeners = DiagnosticListener.AllListeners.Subscribe(runner);
            try
            {
                var finished = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(() =>
                {
                    Current.Value = runner;
                    try
                    {
                        var parameters = entryPoint.GetParameters().Length == 0 ? null : new object[] { args };
                        var returned = entryPoint.Invoke(null, parameters);
                        if (returned is Task task)
                        {
                            task.GetAwaiter().GetResult();
                        }

                        finished.SetResult(null);
                    }
                    catch (Exception ex)
                    {
                        finished.SetResult(ex);
                    }
                })
                {
                    IsBackground = true,
                    Name = $"{app.GetName().Name} entry point",
                };
                thread.Start();

                var outcome = await finished.Task.WaitAsync(timeout, cancellationToken);
                if (runner._host is { } host)
                {
                    return new CapturedApp(host, runner._services is { } services ? [.. services] : []);
                }

                if (outcome is null)
                {
                    throw new InvalidOperationException(
                        $"{app.GetName().Name}'s entry point returned without building a host (Microsoft.Extensions.Hosting's HostBuilt was not seen).");
                }

                ExceptionDispatchInfo.Throw(Unwrap(outcome));
                throw new UnreachableException();
            }
            finally
            {
                runner.Unsubscribe();
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == HostingListener)
        {
            lock (_subscriptionsGate)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (!ReferenceEquals(Current.Value, this))
        {
            return;
        }

        switch (value.Key)
        {
            case "HostBuilding":
                OnHostBuilding(value.Value);
                break;
            case "HostBuilt" when value.Value is IHost host:
                _host = host;
                throw new HostCapturedException();
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private void OnHostBuilding(object? builder)
    {
        switch (builder)
        {
            case HostApplicationBuilder applicationBuilder:
                applicationBuilder.Configuration.AddInMemoryCollection(_settings);
                Configure(applicationBuilder.Services);
                break;
            case IHostBuilder hostBuilder:
                hostBuilder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
                hostBuilder.ConfigureServices(Configure);
                break;
            default:
                throw new InvalidOperationException($"Unexpected HostBuilding payload {builder?.GetType().FullName ?? "null"}.");
        }
    }

    private void Configure(IServiceCollection services)
    {
        _configureServices(services);
        _services = services;
    }

    private void Unsubscribe()
    {
        lock (_subscriptionsGate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }

    /// <summary>Thrown on HostBuilt to end the app's Main before it runs the host.</summary>
    private sealed class HostCapturedException : Exception
    {
        public HostCapturedException()
            : base("The local host captured the app's IHost; the app's Main stops here.")
        {
        }
    }
}
