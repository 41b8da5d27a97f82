using Azure.Core;

namespace GuanGong.Storage;

/// <summary>
/// What the table, queue and blob client options share beyond Azure.Core's <see cref="ClientOptions"/>
/// (retry, transport, diagnostics, extra policies).
/// </summary>
public abstract class StorageClientOptions : ClientOptions
{
    /// <summary>The clock used for <c>x-ms-date</c> and SAS times. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A counter that sees every request these options' clients send (every attempt, retries
    /// included). Equivalent to <c>AddPolicy(counter, HttpPipelinePosition.PerRetry)</c>.
    /// </summary>
    public StorageRequestCounter? RequestCounter { get; set; }
}
