using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Loading;

/// <summary>
/// Starts and stops the app's own hosted services. The Functions worker's internals (its gRPC channel
/// to the Functions host, its ASP.NET Core proxy server, Durable's gRPC worker) are taken out of the
/// app's service collection before it is built: they would talk to a Functions host that is not there,
/// and even resolving the worker's one throws without <c>Functions:Worker:HostEndpoint</c>.
/// </summary>
internal sealed partial class AppHostedServices(IServiceProvider services, ILogger logger)
{
    private static readonly string[] WorkerInternals =
    [
        "Microsoft.Azure.Functions.Worker",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.DurableTask",
    ];

    private readonly List<IHostedService> _started = [];

    public IReadOnlyList<IHostedService> Started => _started;

    /// <summary>Removes the worker's hosted services from <paramref name="services"/>; returns what was removed.</summary>
    public static IReadOnlyList<string> RemoveWorkerInternals(IServiceCollection services)
    {
        var removed = new List<string>();
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(IHostedService) && ImplementationOf(descriptor) is { } type && IsWorkerInternal(type))
            {
                removed.Add(type.FullName ?? type.Name);
                services.RemoveAt(i);
            }
        }

        return removed;
    }

    public static bool IsWorkerInternal(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? "";
        return WorkerInternals.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var service in services.GetServices<IHostedService>())
        {
            if (service is IHostedLifecycleService lifecycle)
            {
                await lifecycle.StartingAsync(cancellationToken);
            }

            await service.StartAsync(cancellationToken);
            if (service is IHostedLifecycleService started)
            {
                await started.StartedAsync(cancellationToken);
            }

            _started.Add(service);
        }

        (services.GetService<IHostApplicationLifetime>() as ApplicationLifetime)?.NotifyStarted();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var lifetime = services.GetService<IHostApplicationLifetime>() as ApplicationLifetime;
        lifetime?.StopApplication();
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            var service = _started[i];
            try
            {
                if (service is IHostedLifecycleService lifecycle)
                {
                    await lifecycle.StoppingAsync(cancellationToken);
                }

                await service.StopAsync(cancellationToken);
                if (service is IHostedLifecycleService stopped)
                {
                    await stopped.StoppedAsync(cancellationToken);
                }
            }
            catch (Exception ex)
            {
                LogStopFailed(logger, ex, service.GetType().FullName);
            }
        }

        _started.Clear();
        lifetime?.NotifyStopped();
    }

    private static Type? ImplementationOf(ServiceDescriptor descriptor) =>
        descriptor.IsKeyedService
            ? descriptor.KeyedImplementationType ?? descriptor.KeyedImplementationInstance?.GetType() ?? descriptor.KeyedImplementationFactory?.Method.DeclaringType
            : descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType() ?? descriptor.ImplementationFactory?.Method.DeclaringType;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The app's hosted service {Type} failed to stop")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string? type);
}
