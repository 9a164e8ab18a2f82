using Microsoft.Extensions.Logging.Console;
using MppIntegrationHub.Adapters.Telemetry;
using MppIntegrationHub.Orchestration.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MppIntegrationHub.Hub.Telemetry;

/// <summary>OpenTelemetry for the hub: traces, metrics and (when exported) logs, with personal data kept out.</summary>
public static class HubTelemetryExtensions
{
    public const string ServiceName = "mpp-integration-hub";

    /// <summary>The standard OpenTelemetry setting that turns on the OTLP exporter for every signal.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>MassTransit 8's own activity source and meter.</summary>
    private const string MassTransitSource = "MassTransit";


    /// <summary>
    /// Traces the API requests (named by route template, no query strings), the bus hops (MassTransit), the workflow
    /// steps and outbox relays, the capability calls and the agency HTTP calls, all in the trace of the request that
    /// caused them; measures per agency and per workflow step; scrubs NIK-bearing URL parts from every span. Console
    /// logs are JSON lines with the trace and span id (<see cref="TracedJsonConsoleFormatter"/>) outside Development.
    /// Exports over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (traces, metrics and logs).
    /// </summary>
    public static WebApplicationBuilder AddHubTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(WorkflowTelemetry.ActivitySourceName, AgencyTelemetry.ActivitySourceName, MassTransitSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbeOrAsset(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddProcessor(new PersonalDataScrubber()))
            .WithMetrics(metrics => metrics
                .AddMeter(WorkflowTelemetry.MeterName, AgencyTelemetry.MeterName, MassTransitSource)
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"));
        builder.Logging.AddConsoleFormatter<TracedJsonConsoleFormatter, ConsoleFormatterOptions>();
        if (!builder.Environment.IsDevelopment())
        {
            // A configured Logging:Console:FormatterName still wins; Development keeps the plain text for people.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= TracedJsonConsoleFormatter.FormatterName);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry.WithLogging().UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsProbeOrAsset(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/console", StringComparison.Ordinal);
}
