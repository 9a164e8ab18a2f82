using MassTransit;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Hub.Agencies;
using MppIntegrationHub.Hub.Telemetry;
using MppIntegrationHub.Hub.Webhooks;
using MppIntegrationHub.Orchestration;

namespace MppIntegrationHub.Hub;

/// <summary>Registers the hub's services on the host.</summary>
public static class HubHostingExtensions
{
    /// <summary>Adds the hub with its embedded defaults.</summary>
    public static WebApplicationBuilder AddIntegrationHub(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o => HubJson.Apply(o.SerializerOptions, TimeProvider.System));
        builder.Services.AddHealthChecks();
        builder.AddHubTelemetry();
        builder.AddHubApi();
        builder.AddAgencies();
        builder.Services.AddOrchestration();
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddOrchestrationConsumers();
            bus.AddWebhookConsumers();
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        return builder;
    }

    /// <summary>Maps <c>/health/live</c> (the process answers) and <c>/health/ready</c> (its dependencies do).</summary>
    public static WebApplication MapHealthApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        return app;
    }
}
