using Azure.Core;
using Azure.Core.Pipeline;
using DurableTask.Core.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Durable;

/// <summary>Everything the engine needs that host.json does not say: where connections live, the clock, hooks.</summary>
public sealed class DurableEngineOptions
{
    /// <summary>host.json's <c>extensions.durableTask</c>.</summary>
    public DurableTaskSettings Settings { get; set; } = new();

    /// <summary>
    /// Where the storage connection named by <see cref="DurableStorageProviderSettings.EffectiveConnectionName"/> is
    /// looked up: a connection string under that key, or identity-based keys
    /// <c>{name}__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c> (or <c>__accountName</c>) with
    /// <c>__credential=managedidentity</c> and <c>__clientId</c>, as the Functions host reads them.
    /// </summary>
    public IConfiguration? Configuration { get; set; }

    /// <summary>A connection string that wins over <see cref="Configuration"/> (tests: Azurite's, with explicit endpoints).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The engine clock. Not <see cref="TimeProvider.System"/>: durable timers are held in memory and delivered when this
    /// clock reaches their due time (fake-clock tests); held timers do not survive a restart of the worker.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Added to every blob, queue and table client the engine creates (for example to count requests).</summary>
    public IList<HttpPipelinePolicy> StoragePolicies { get; } = [];

    /// <summary>Where <see cref="StoragePolicies"/> run in the pipeline.</summary>
    public HttpPipelinePosition StoragePolicyPosition { get; set; } = HttpPipelinePosition.PerCall;

    /// <summary>
    /// A message delivered this many times (the process died or the dispatcher failed each time) is poison: its activity
    /// fails with <c>PoisonMessage</c>, its orchestration ends Failed with the reason. 0 turns the guard off
    /// (DTFx alone retries such a message forever, backing off to 10 minutes). Default 5.
    /// </summary>
    public int PoisonDequeueCount { get; set; } = 5;

    /// <summary>DTFx orchestration dispatcher middleware, run outermost first (fault injection, step observation).</summary>
    public IList<Func<DispatchMiddlewareContext, Func<Task>, Task>> OrchestrationMiddleware { get; } = [];

    /// <summary>DTFx activity dispatcher middleware, run outermost first; <c>next()</c> runs the activity.</summary>
    public IList<Func<DispatchMiddlewareContext, Func<Task>, Task>> ActivityMiddleware { get; } = [];

    /// <summary>How often the client polls while waiting for a start or completion. Default 500 ms.</summary>
    public TimeSpan ClientPollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>This worker's name in leases and logs. Default the machine name plus the process id.</summary>
    public string? WorkerId { get; set; }

    /// <summary>Logging for the engine and DTFx.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
