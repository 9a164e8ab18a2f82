using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Operations;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Tests.Fakes;

/// <summary>
/// A real orchestrator host (SQLite file, in-memory MassTransit bus, the engine's hosted services) on a fake
/// clock, with <see cref="FakeAgencies"/> behind the capability invoker.
/// </summary>
internal sealed class OrchestrationHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    public static readonly Nik CitizenNik = Nik.Parse("3273015708900003", new DateOnly(2026, 11, 23));

    private readonly string _folder;
    private readonly bool _background;

    private OrchestrationHarness(IHost host, FakeTimeProvider clock, FakeAgencies agencies, string folder, bool background)
    {
        Host = host;
        Clock = clock;
        Agencies = agencies;
        _folder = folder;
        _background = background;
    }

    public IHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public FakeAgencies Agencies { get; }

    public WorkflowEngine Engine => Host.Services.GetRequiredService<WorkflowEngine>();

    public WorkflowOperations Operations => Host.Services.GetRequiredService<WorkflowOperations>();

    public IDbContextFactory<WorkflowDbContext> Contexts => Host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();

    /// <param name="background">False: only the store is migrated; no relay, scheduler or sweeper runs, so a test drives the engine itself.</param>
    /// <param name="shared">Another engine process's clock and agencies plus the PostgreSQL connection string they share; null for a private SQLite store.</param>
    /// <param name="invoker">Wraps the agencies this process calls (e.g. to count calls per process).</param>
    /// <param name="bus">Extra bus registrations (test consumers).</param>
    /// <param name="clock">The clock to share with other parts (the simulators); a new one at <see cref="Start"/> when null.</param>
    /// <param name="agencies">Real adapters to register instead of <see cref="FakeAgencies"/>.</param>
    public static async Task<OrchestrationHarness> StartAsync(
        bool background = true,
        (FakeTimeProvider Clock, FakeAgencies Agencies, string PostgreSql)? shared = null,
        Func<FakeAgencies, ICapabilityInvoker>? invoker = null,
        Action<IBusRegistrationConfigurator>? bus = null,
        FakeTimeProvider? clock = null,
        Action<IServiceCollection>? agencies = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mpp-orch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        clock = shared?.Clock ?? clock ?? new FakeTimeProvider(Start);
        var fakes = shared?.Agencies ?? new FakeAgencies(clock);

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(shared is { PostgreSql: var postgreSql }
            ? new Dictionary<string, string?> { ["Store:Provider"] = "PostgreSql", ["Store:ConnectionString"] = postgreSql }
            : new Dictionary<string, string?> { ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "hub.db")}" });
        builder.Services.AddSingleton<TimeProvider>(clock);
        agencies?.Invoke(builder.Services);
        builder.Services.TryAddSingleton<ICapabilityInvoker>(invoker?.Invoke(fakes) ?? fakes);
        builder.Services.AddOrchestration();
        builder.Services.AddMassTransit(x =>
        {
            x.AddOrchestrationConsumers();
            bus?.Invoke(x);
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });

        var host = builder.Build();
        if (background)
        {
            await host.StartAsync();
        }
        else
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }

        return new OrchestrationHarness(host, clock, fakes, folder, background);
    }

    public Task<ServiceApplication> SubmitAsync(string service, Dictionary<string, object> inputs) =>
        Engine.SubmitAsync(
            new SubmitApplicationRequest
            {
                ServiceCode = service,
                Nik = CitizenNik,
                ConsentId = Guid.NewGuid(),
                Inputs = inputs.ToDictionary(kv => kv.Key, kv => System.Text.Json.JsonSerializer.SerializeToElement(kv.Value)),
            },
            "portal-bandung");

    /// <summary>Waits (in real time, on the condition) until the application satisfies <paramref name="condition"/>.</summary>
    public async Task<ServiceApplication> WaitForAsync(Guid applicationId, Func<ServiceApplication, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        ServiceApplication? last = null;
        while (!cts.IsCancellationRequested)
        {
            last = await Engine.GetAsync(applicationId);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        throw new TimeoutException($"Application {applicationId} never reached the expected state; last: {last?.Status} {last?.StatusReason} "
            + string.Join(", ", last?.Steps.Select(s => $"{s.Id}={s.Status}") ?? []));
    }

    public Task<ServiceApplication> WaitForStatusAsync(Guid applicationId, ApplicationStatus status, TimeSpan? timeout = null) =>
        WaitForAsync(applicationId, a => a.Status == status, timeout);

    /// <summary>
    /// Moves the fake clock until the application reaches <paramref name="status"/>: after the engine settles, to
    /// its next due time (at most a day ahead), so days of waiting pass in a few hops.
    /// </summary>
    public Task<ServiceApplication> AdvanceUntilAsync(Guid applicationId, ApplicationStatus status, TimeSpan limit) =>
        AdvanceUntilAsync(applicationId, a => a.Status == status, limit);

    public async Task<ServiceApplication> AdvanceUntilAsync(Guid applicationId, Func<ServiceApplication, bool> condition, TimeSpan limit)
    {
        var end = Clock.GetUtcNow() + limit;
        while (Clock.GetUtcNow() <= end)
        {
            await SettleAsync(applicationId);
            var app = (await Engine.GetAsync(applicationId))!;
            if (condition(app))
            {
                return app;
            }

            var next = app.Steps.Where(s => s.NextAttemptAt is not null).Select(s => s.NextAttemptAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var step = next - Clock.GetUtcNow();
            Clock.Advance(step > TimeSpan.Zero && step < TimeSpan.FromDays(1) ? step : TimeSpan.FromDays(1));
        }

        return await WaitForAsync(applicationId, condition);
    }

    /// <summary>Waits until no step of the application is mid-flight (running) or due now.</summary>
    public Task SettleAsync(Guid applicationId) =>
        WaitForAsync(applicationId, a => a.Steps.All(s => s.Status != StepStatus.Running && (s.NextAttemptAt is null || s.NextAttemptAt > Clock.GetUtcNow())));

    public async ValueTask DisposeAsync()
    {
        if (_background)
        {
            await Host.StopAsync();
        }

        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
