using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Tests.Engine;
using MppIntegrationHub.Orchestration.Tests.Fakes;
using Npgsql;

namespace MppIntegrationHub.Orchestration.Tests.ScaleOut;

/// <summary>
/// Two engine processes (hosts) on one PostgreSQL database, each with its own bus: each relays the shared outbox,
/// fires the shared due times and executes whatever it receives, so transitions of one application race between them.
/// Needs <c>MPP_TEST_POSTGRES</c> (test.sh starts the server); without it the test fails, it does not skip.
/// </summary>
public sealed class TwoEnginesOnPostgreSqlTests
{
    private const int Applications = 60;

    [Fact]
    public async Task TwoEngines_SameDatabase_EveryApplicationCompletesWithEachTransitionAndWriteOnce()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var clock = new FakeTimeProvider(OrchestrationHarness.Start);
        var agencies = new FakeAgencies(clock);
        var completions = new ConcurrentBag<ApplicationStepCompleted>();
        StepCompletedRecorder.Sink = completions;
        var callsByEngine = new ConcurrentDictionary<string, int>();
        await using var first = await StartEngine("first", database.ConnectionString, clock, agencies, callsByEngine);
        await using var second = await StartEngine("second", database.ConnectionString, clock, agencies, callsByEngine);

        var ids = await Task.WhenAll(Enumerable.Range(0, Applications).Select(async i =>
            (await (i % 2 == 0 ? first : second).SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp())).Id));
        for (var day = 0; day < 3 && !await AllCompleted(first, ids); day++)
        {
            await WaitUntilQuiet(first, ids);
            clock.Advance(TimeSpan.FromDays(1));
        }

        await WaitFor(() => AllCompleted(first, ids));
        await WaitFor(() => Task.FromResult(completions.Count >= Applications * 3));

        Assert.Equal(Applications, agencies.Effects["population.document.request"]);
        Assert.All(
            completions.GroupBy(c => (c.ApplicationId, c.StepId)),
            g => Assert.Single(g));
        Assert.Equal(Applications * 3, completions.Count);
        Assert.True(callsByEngine.GetValueOrDefault("first") > 0 && callsByEngine.GetValueOrDefault("second") > 0, "both engines worked");
    }

    [Fact]
    public async Task RecordOutcome_OtherEngineMovedTheApplicationSinceItDispatched_AppliedToWhatTheStoreHolds()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var clock = new FakeTimeProvider(OrchestrationHarness.Start);
        var agencies = new FakeAgencies(clock);
        await using var first = await OrchestrationHarness.StartAsync(background: false, shared: (clock, agencies, database.ConnectionString));
        await using var second = await OrchestrationHarness.StartAsync(background: false, shared: (clock, agencies, database.ConnectionString));
        var submitted = await first.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp()); // the first engine committed the dispatch
        var dispatch = await EngineGuaranteeTests.DispatchOf(first, submitted.Id, "verify-identity");
        var verified = new StepResult(JsonDocument.Parse("""{"decision":"verified","fields":{}}""").RootElement, null);
        var appliedBySecond = await second.Engine.RecordOutcomeAsync(submitted.Id, "verify-identity", dispatch, verified, CancellationToken.None);

        // A late duplicate of the same outcome reaches the first engine, which still holds the state it dispatched with.
        var appliedByFirst = await first.Engine.RecordOutcomeAsync(submitted.Id, "verify-identity", dispatch, verified, CancellationToken.None);

        Assert.True(appliedBySecond);
        Assert.False(appliedByFirst);
        var app = await first.Engine.GetAsync(submitted.Id);
        Assert.Equal(StepStatus.Succeeded, app!.Steps.Single(s => s.Id == "verify-identity").Status);
        Assert.Equal(StepStatus.Running, app.Steps.Single(s => s.Id == "request-document").Status);
        await using var db = await first.Contexts.CreateDbContextAsync();
        var sent = (await db.Outbox.AsNoTracking().ToListAsync()).SelectMany(r => OutboxBody.Read(r.Body).Select(e => e.Message)).ToList();
        Assert.Single(sent.OfType<ExecuteStep>(), m => m.StepId == "request-document");
        Assert.Single(sent.OfType<ApplicationStepCompleted>(), m => m.StepId == "verify-identity");
    }

    private static Task<OrchestrationHarness> StartEngine(
        string name,
        string connectionString,
        FakeTimeProvider clock,
        FakeAgencies agencies,
        ConcurrentDictionary<string, int> callsByEngine) =>
        OrchestrationHarness.StartAsync(
            shared: (clock, agencies, connectionString),
            invoker: inner => new CountingInvoker(name, inner, callsByEngine),
            bus: x => x.AddConsumer<StepCompletedRecorder>());

    private static async Task<bool> AllCompleted(OrchestrationHarness hub, Guid[] ids)
    {
        await using var db = await hub.Contexts.CreateDbContextAsync();
        return await db.Applications.CountAsync(a => ids.Contains(a.Id) && a.Status == ApplicationStatus.Completed) == ids.Length;
    }

    private static Task WaitUntilQuiet(OrchestrationHarness hub, Guid[] ids) => WaitFor(async () =>
    {
        await using var db = await hub.Contexts.CreateDbContextAsync();
        var now = hub.Clock.GetUtcNow();
        return !await db.Steps.AnyAsync(s => ids.Contains(s.ApplicationId)
            && (s.Status == StepStatus.Running || s.Status == StepStatus.Pending || (s.DueAt != null && s.DueAt <= now)));
    });

    private static async Task WaitFor(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }

    private sealed class CountingInvoker(string name, FakeAgencies inner, ConcurrentDictionary<string, int> counts) : ICapabilityInvoker
    {
        public Task<TResult> InvokeAsync<TRequest, TResult>(Capability<TRequest, TResult> capability, TRequest request, CallContext context, CancellationToken cancellationToken = default) =>
            inner.InvokeAsync(capability, request, context, cancellationToken);

        public Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken = default)
        {
            counts.AddOrUpdate(name, 1, (_, n) => n + 1);
            return inner.InvokeAsync(capability, request, context, cancellationToken);
        }
    }

    private sealed class StepCompletedRecorder : IConsumer<ApplicationStepCompleted>
    {
        public static ConcurrentBag<ApplicationStepCompleted>? Sink { get; set; }

        public Task Consume(ConsumeContext<ApplicationStepCompleted> context)
        {
            Sink?.Add(context.Message);
            return Task.CompletedTask;
        }
    }

    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string _server;
        private readonly string _name;

        private ScratchDatabase(string server, string name)
        {
            _server = server;
            _name = name;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 40 }.ConnectionString;
        }

        public string ConnectionString { get; }

        public static async Task<ScratchDatabase> CreateAsync()
        {
            var server = Environment.GetEnvironmentVariable("MPP_TEST_POSTGRES");
            Assert.False(string.IsNullOrEmpty(server), "MPP_TEST_POSTGRES is not set: run the tests through ./test.sh (scripts/services.sh starts PostgreSQL).");
            var name = "orch_" + Guid.NewGuid().ToString("N");
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
            return new ScratchDatabase(server!, name);
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
