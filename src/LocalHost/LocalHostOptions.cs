using System.Reflection;
using GuanGong.LocalHost.DurableFunctions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost;

/// <summary>How <see cref="LocalFunctionsHost"/> runs a function app.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The function app's assembly, already loaded (a project reference). Either this or <see cref="AppPath"/>.</summary>
    public Assembly? AppAssembly { get; set; }

    /// <summary>The function app's built .dll, loaded with its own dependencies. Either this or <see cref="AppAssembly"/>.</summary>
    public string? AppPath { get; set; }

    /// <summary>The folder holding functions.metadata and host.json; default: the app assembly's folder.</summary>
    public string? AppDirectory { get; set; }

    /// <summary>Arguments passed to the app's Main.</summary>
    public IList<string> Args { get; } = [];

    /// <summary>HTTP port on 127.0.0.1; 0 picks a free one; null: local.settings.json's Host.LocalHttpPort, else 7071.</summary>
    public int? Port { get; set; }

    /// <summary>App settings with the highest precedence (over environment variables and local.settings.json).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Read local.settings.json (next to the app, else in the working directory) as Core Tools does. Default true.</summary>
    public bool UseLocalSettings { get; set; } = true;

    /// <summary>Run on the app's service collection after its Program.cs registered everything (tests swap services here).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>The clock timer triggers fire on and the Durable engine's clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Run timer triggers. Default true (a function can also be disabled with <c>AzureWebJobs.Name.Disabled=true</c>).</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>
    /// Run the Durable worker. Default true. False keeps the engine's client (<c>[DurableClient]</c> works, orchestrations
    /// are scheduled) but processes nothing: a test or benchmark that counts a request's own storage traffic turns the
    /// worker's polling off.
    /// </summary>
    public bool RunDurableWorker { get; set; } = true;

    /// <summary>Makes the Durable engine; null runs no orchestrations (and <c>[DurableClient]</c> cannot be bound).</summary>
    public DurableBackendFactory? Durable { get; set; }

    /// <summary>
    /// Start (or reuse) Azurite and point <c>UseDevelopmentStorage=true</c> settings at it, when AzureWebJobsStorage
    /// is that or unset (an app pointed at a real account starts none). Default false (the command line: true).
    /// </summary>
    public bool StartAzurite { get; set; }

    /// <summary>Azurite's ports when <see cref="StartAzurite"/>; default <see cref="AzuritePorts.Default"/>.</summary>
    public AzuritePorts? AzuritePorts { get; set; }

    /// <summary>Azurite's workspace folder; default <c>.local/azurite</c> under the repository root.</summary>
    public string? AzuriteWorkspace { get; set; }

    /// <summary>Where the host logs; default the app's own ILoggerFactory.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>How long stopping the Durable worker may take before the host gives up on a graceful drain.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the app's Main may take to build its host.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
