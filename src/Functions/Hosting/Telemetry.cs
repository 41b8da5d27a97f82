using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// OpenTelemetry export over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (Application
/// Insights' OTLP ingestion or a collector in Azure): request spans from ASP.NET Core, episode and
/// activity spans and metrics from the engine. Built directly on the SDK (the hosting extensions
/// package is not available from this package source); the providers live as long as the app.
/// </summary>
internal static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddOtlpExport(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[EndpointSetting] is not { Length: > 0 } endpoint)
        {
            return services;
        }

        var service = configuration["OTEL_SERVICE_NAME"] ?? "guangong";
        void Exporter(OtlpExporterOptions options)
        {
            options.Endpoint = new Uri(endpoint);
            options.Protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            if (configuration["OTEL_EXPORTER_OTLP_HEADERS"] is { Length: > 0 } headers)
            {
                options.Headers = headers;
            }
        }

        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService(service))
            .AddSource("DurableTask.Core", "Microsoft.DurableTask", "Microsoft.AspNetCore")
            .AddProcessor(new LinkRedactingProcessor())
            .AddOtlpExporter(Exporter)
            .Build());
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService(service))
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter(Exporter)
            .Build());
        services.AddHostedService<TelemetryStarter>();
        return services;
    }

    /// <summary>Creates the providers at start-up, so the first requests are traced too.</summary>
    private sealed class TelemetryStarter(TracerProvider tracing, MeterProvider metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(tracing);
            GC.KeepAlive(metrics);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracing.ForceFlush(5000);
            metrics.ForceFlush(5000);
            return Task.CompletedTask;
        }
    }
}
