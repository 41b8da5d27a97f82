using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Durable;

/// <summary>Registers the engine and plugs it into the Microsoft.DurableTask worker and client builders.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="DurableTaskEngine"/> singleton. <paramref name="configure"/> fills the options (settings from
    /// host.json via <see cref="DurableTaskSettings.FromConfiguration"/>, connection, clock, hooks); the logger factory
    /// defaults to the container's.
    /// </summary>
    public static IServiceCollection AddDurableTaskEngine(this IServiceCollection services, Action<IServiceProvider, DurableEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(sp =>
        {
            var options = new DurableEngineOptions { LoggerFactory = sp.GetService<ILoggerFactory>() };
            configure(sp, options);
            return new DurableTaskEngine(options);
        });
        return services;
    }

    /// <summary>Runs this worker's orchestrators and activities on the <see cref="DurableTaskEngine"/> in DI.</summary>
    public static IDurableTaskWorkerBuilder UseAzureStorageEngine(this IDurableTaskWorkerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseBuildTarget<AzureStorageEngineWorker>();
    }

    /// <summary>Makes the builder's <see cref="DurableTaskClient"/> an <see cref="AzureStorageDurableTaskClient"/> on the engine in DI.</summary>
    public static IDurableTaskClientBuilder UseAzureStorageEngine(this IDurableTaskClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseBuildTarget<AzureStorageDurableTaskClient>();
    }
}
