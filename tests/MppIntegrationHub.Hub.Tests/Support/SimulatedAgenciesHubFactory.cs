using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Dukcapil;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Simulators;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenTelemetry.Trace;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>
/// The whole hub on Kestrel with its real adapters pointed (by configuration, as in production) at agency simulators
/// that share the hub's movable clock, and an in-memory span exporter. Tokens stay on the wall clock: the browser
/// and the test's HTTP clients live there.
/// </summary>
public sealed class SimulatedAgenciesHubFactory : HubFactory
{
    private readonly List<Activity> _spans = [];

    public SimulatedAgenciesHubFactory()
    {
        Simulators = AgencySimulators.StartAsync(new SimulatorOptions { Seed = 42, PopulationSize = 200, Clock = Clock }).GetAwaiter().GetResult();
        UseKestrel(0);
    }

    public AgencySimulators Simulators { get; }

    /// <summary>Real adapters, not the fake invoker; the simulators are this factory's, not the host's own.</summary>
    protected override bool WithSimulators => true;

    /// <summary>Every span exported so far (a copy).</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hub:Agencies:Source", "Configuration");
        foreach (var agency in Simulators.All)
        {
            builder.UseSetting($"Hub:Agencies:{agency.Agency}:{nameof(AdapterManifest.BaseUrl)}", agency.BaseUrl.ToString());
            if (Simulators.Credentials.ApiKeys.TryGetValue(agency.Agency, out var key))
            {
                builder.UseSetting($"Hub:Agencies:{agency.Agency}:ApiKey", key);
            }
        }

        var credentials = Simulators.Credentials;
        builder.UseSetting($"Hub:Agencies:{AgencyIds.Dukcapil}:{nameof(DukcapilAdapterOptions.CustomerId)}", credentials.DukcapilCustomerId);
        builder.UseSetting($"Hub:Agencies:{AgencyIds.Dukcapil}:{nameof(DukcapilAdapterOptions.UserId)}", credentials.DukcapilUserId);
        builder.UseSetting($"Hub:Agencies:{AgencyIds.Dukcapil}:{nameof(DukcapilAdapterOptions.Password)}", credentials.DukcapilPassword);
        builder.UseSetting($"Hub:Agencies:{AgencyIds.Dukcapil}:{nameof(DukcapilAdapterOptions.IpUser)}", credentials.DukcapilIpUser);
        builder.UseSetting($"Hub:Agencies:{AgencyIds.SatuSehat}:ClientId", credentials.SatuSehatClientId);
        builder.UseSetting($"Hub:Agencies:{AgencyIds.SatuSehat}:ClientSecret", credentials.SatuSehatClientSecret);

        builder.ConfigureTestServices(services =>
        {
            services.Configure<OpenIddictServerOptions>(o => o.TimeProvider = TimeProvider.System);
            services.Configure<OpenIddictValidationOptions>(o => o.TimeProvider = TimeProvider.System);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new LockedList(_spans)));
        });
    }

    /// <summary>Waits, without a fixed sleep, until the condition holds.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Simulators.DisposeAsync();
    }

    /// <summary>The in-memory exporter's target: the exporter thread adds while tests read copies.</summary>
    private sealed class LockedList(List<Activity> inner) : ICollection<Activity>
    {
        public int Count => inner.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (inner)
            {
                inner.Add(item);
            }
        }

        public void Clear()
        {
            lock (inner)
            {
                inner.Clear();
            }
        }

        public bool Contains(Activity item) => throw new NotSupportedException();

        public void CopyTo(Activity[] array, int arrayIndex) => throw new NotSupportedException();

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => throw new NotSupportedException();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
