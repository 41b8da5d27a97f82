using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.DurableFunctions;

/// <summary>What a Durable backend is made from.</summary>
/// <param name="DurableTask">host.json's <c>extensions:durableTask</c> section, overrides applied.</param>
/// <param name="AppConfiguration">The app's configuration (connection settings such as AzureWebJobsStorage).</param>
/// <param name="TimeProvider">The engine clock; not System in fake-clock tests.</param>
/// <param name="LoggerFactory">Where the engine logs.</param>
public sealed record DurableBackendContext(
    IConfigurationSection DurableTask,
    IConfiguration AppConfiguration,
    TimeProvider TimeProvider,
    ILoggerFactory LoggerFactory);
