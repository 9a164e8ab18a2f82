using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Contracts.Time;
using OpenIddict.Core;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace MppIntegrationHub.Hub.Hosting;

/// <summary>Registers the hub's clock.</summary>
public static class HubClockExtensions
{
    /// <summary>
    /// Registers the <see cref="TimeProvider"/> of the process from <see cref="ClockOptions"/> (section <c>Clock</c>):
    /// the real clock, or for drills an <see cref="AcceleratedTimeProvider"/> that every business time (workflow due
    /// times, deadlines, polls, leases, consents, audit) follows. Transport and security time stays real: the
    /// agencies' HTTP resilience pipelines (attempt and total timeouts, breakers) and the token server (access token
    /// lifetimes and their validation) keep the system clock, since a network does not answer faster and a token must
    /// not expire sooner in a drill. Refused in the Production environment.
    /// </summary>
    public static WebApplicationBuilder AddHubClock(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        if (options.IsAccelerated && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{ClockOptions.Section}:Acceleration is for drills and integration environments; it is refused in Production.");
        }

        var clock = options.Create();
        builder.Services.AddSingleton(clock);
        if (options.IsAccelerated)
        {
            builder.Services.Configure<OpenIddictCoreOptions>(o => o.TimeProvider = TimeProvider.System);
            builder.Services.Configure<OpenIddictServerOptions>(o => o.TimeProvider = TimeProvider.System);
            builder.Services.Configure<OpenIddictValidationOptions>(o => o.TimeProvider = TimeProvider.System);
            builder.Services.AddKeyedSingleton(AgencyPipeline.ClockKey, TimeProvider.System);
        }

        return builder;
    }
}
