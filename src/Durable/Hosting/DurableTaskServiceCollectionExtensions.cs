using GuanGong.Durable.AzureStorage;
using GuanGong.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuanGong.Durable;

/// <summary>Registers the engine in a host: settings from configuration, a registry, a worker, a client and a backend.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DurableTaskOptions"/> (bound from <c>extensions:durableTask</c>), the
    /// <see cref="DurableTaskRegistry"/>, a <see cref="DurableTaskWorker"/> and a
    /// <see cref="DurableTaskClient"/>. A backend must be registered too
    /// (<see cref="AddDurableTaskAzureStorage(IServiceCollection, string)"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app configuration.</param>
    /// <param name="registerTasks">Registers orchestrators and activities.</param>
    /// <param name="runPollingDispatcher">Also run the worker as a hosted service that polls the queues (false when queue triggers drive it).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> registerTasks, bool runPollingDispatcher = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registerTasks);
        services.TryAddSingleton(_ => DurableTaskOptions.FromConfiguration(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var registry = new DurableTaskRegistry();
            registerTasks(registry);
            return registry;
        });
        services.AddSingleton(sp => sp.GetRequiredService<DurableTaskOptions>().ApplyTo(new DurableTaskWorkerOptions
        {
            TimeProvider = sp.GetRequiredService<TimeProvider>(),
        }));
        services.AddSingleton(sp => new DurableTaskWorker(
            sp.GetRequiredService<IOrchestrationBackend>(),
            sp.GetRequiredService<DurableTaskRegistry>(),
            sp.GetRequiredService<DurableTaskWorkerOptions>(),
            sp,
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => new DurableTaskClient(
            sp.GetRequiredService<IOrchestrationBackend>(),
            new DurableTaskClientOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }));
        if (runPollingDispatcher)
        {
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableTaskWorker>());
        }

        return services;
    }

    /// <summary>Stores the task hub in the Azure Storage account of <paramref name="connectionString"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">A storage connection string (or <c>UseDevelopmentStorage=true</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTaskAzureStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddDurableTaskAzureStorage(_ => StorageAccount.Parse(connectionString));
    }

    /// <summary>Stores the task hub in a storage account resolved at start (for example one that uses a managed identity).</summary>
    /// <param name="services">The services.</param>
    /// <param name="account">Resolves the account.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTaskAzureStorage(this IServiceCollection services, Func<IServiceProvider, StorageAccount> account)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(account);
        services.TryAddSingleton(new StorageRequestCounter());
        services.AddSingleton<IOrchestrationBackend>(sp =>
        {
            var settings = sp.GetRequiredService<DurableTaskOptions>();
            var options = new AzureStorageBackendOptions
            {
                TaskHubName = settings.HubName,
                PartitionCount = settings.PartitionCount,
                MaxMessageDelay = settings.MaxMessageDelay,
            };
            return AzureStorageOrchestrationBackend.FromAccount(account(sp), options, sp.GetRequiredService<StorageRequestCounter>());
        });
        return services;
    }

    /// <summary>Keeps the task hub in process memory: for tests only, never for a running app (state dies with the process).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTaskInMemory(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IOrchestrationBackend>(sp => new InMemoryOrchestrationBackend(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DurableTaskOptions>().PartitionCount,
            sp.GetRequiredService<DurableTaskOptions>().MaxMessageDelay));
        return services;
    }
}
