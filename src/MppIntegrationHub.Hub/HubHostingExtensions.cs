using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Hub.Agencies;
using MppIntegrationHub.Hub.Health;
using MppIntegrationHub.Hub.Hosting;
using MppIntegrationHub.Hub.Telemetry;
using MppIntegrationHub.Hub.Webhooks;
using MppIntegrationHub.Orchestration;

namespace MppIntegrationHub.Hub;

/// <summary>Registers the hub's services on the host.</summary>
public static class HubHostingExtensions
{
    /// <summary>
    /// Adds the hub in the role named by <c>Hub:Role</c> (<see cref="HubRole"/>; default <see cref="HubRole.All"/>), on
    /// the store of section <c>Store</c>, the bus of section <c>Bus</c> and the clock of section <c>Clock</c>.
    /// </summary>
    public static WebApplicationBuilder AddIntegrationHub(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var role = HubRoles.Of(builder.Configuration);
        builder.Services.AddSingleton(new HubRoleInfo(role));
        builder.AddHubClock();
        builder.Services.ConfigureHttpJsonOptions(o => HubJson.Apply(o.SerializerOptions, TimeProvider.System));
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: ["ready"])
            .AddAdapterHealthCheck();
        builder.AddHubTelemetry();
        builder.AddHubApi();
        builder.AddAgencies();
        builder.Services.AddAgencyDeploymentSync();
        builder.Services.AddOrchestration(processWork: role.ProcessesWork());
        if (role.ProcessesWork())
        {
            builder.Services.AddHostedService<WebhookDispatcher>();
        }

        builder.Services.AddHubBus(builder.Configuration, role);
        return builder;
    }

    /// <summary>Maps what the configured role serves: the unified API (roles <c>api</c> and <c>all</c>) and health (every role).</summary>
    public static WebApplication MapIntegrationHub(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<HubRoleInfo>().Role.ServesApi())
        {
            app.UseHubApi();
            app.MapHubApi();
        }

        app.MapHealthApi();
        return app;
    }

    /// <summary>
    /// Maps <c>/health/live</c> (the process answers) and <c>/health/ready</c> (its dependencies do: the store, the
    /// broker, the adapters), the latter a JSON report of each check, degraded but still 200 when an agency is down.
    /// </summary>
    public static WebApplication MapHealthApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { ResponseWriter = HealthReportJson.WriteAsync });
        return app;
    }
}

/// <summary>The role this process was started in.</summary>
public sealed record HubRoleInfo(HubRole Role)
{
    /// <summary>The role as configured and reported: <c>all</c>, <c>api</c>, <c>worker</c>.</summary>
    public string Name { get; } = Role.ToString().ToLowerInvariant();
}
