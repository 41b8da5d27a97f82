using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.Testing.App;

/// <summary>How a test runs the app: its settings, clock, logs, mail and storage.</summary>
public sealed class AppOptions
{
    /// <summary>App settings over the kit's defaults (a value of null removes a default).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The business clock and the engine's clock (timers, durable timers); default the wall clock.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>A provider that sees every log line at Trace (the console stays at Warning).</summary>
    public ILoggerProvider? Logs { get; set; }

    /// <summary>Services swapped in after the app registered its own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Send mail over SMTP to a sink the kit starts (<see cref="RunningApp.Smtp"/>) instead of pickup files.</summary>
    public bool MailOverSmtp { get; set; }

    /// <summary>The storage connection string; default the shared Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table prefix and task hub name; default fresh ones, so apps share an Azurite without meeting.</summary>
    public string? TablePrefix { get; set; }

    public string? HubName { get; set; }

    /// <summary>Changes to the Durable engine's options (fault hooks, request counting).</summary>
    public Action<GuanGong.LocalHost.Durable.DurableEngineOptions>? ConfigureEngine { get; set; }

    /// <summary>Run the Durable worker (default true); false leaves only the client, so a test counts a request's own storage traffic.</summary>
    public bool RunDurableWorker { get; set; } = true;

    /// <summary>Run timer triggers (the decision reconciler, the demo seeding). Default false: tests that want them say so.</summary>
    public bool RunTimers { get; set; }
}
