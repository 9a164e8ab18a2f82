// Orchestrator benchmark: workflows/s and orchestration overhead for a 5-step workflow against an instant agency,
// then storage and memory for parked workflows.
// Usage: dotnet run -c Release --project tests/MppIntegrationHub.Orchestration.Benchmarks -- [workflows] [parked] [--engines embedded|rabbitmq-postgres] [--warmup N]
//   workflows (default 20,000), parked (default 100,000).
//   embedded (default): SQLite file + in-memory bus, one process.
//   rabbitmq-postgres:  PostgreSQL (scratch database on MPP_TEST_POSTGRES) + RabbitMQ (MPP_TEST_RABBITMQ), as a
//                       scaled-out hub runs; scripts/services.sh starts both on loopback and exports the variables.
//   --warmup N (default 8,000): workflows run first and not measured (their rate is printed), so the figures are
//                       the warmed-up hub's.
// Rates are completed workflows over the time from the first submission to the last completion: each run also pays
// the time the last workflows take to finish, which weighs on short runs.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Orchestration;
using MppIntegrationHub.Orchestration.Benchmarks;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;

var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a)).ToList();
var workflows = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 20_000;
var parked = positional.Count > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 100_000;
var engines = OptionValue(args, "--engines") ?? "embedded";
var warmup = int.Parse(OptionValue(args, "--warmup") ?? "8000", CultureInfo.InvariantCulture);
await using var store = engines switch
{
    "embedded" => BenchmarkStore.Sqlite(),
    "rabbitmq-postgres" => await BenchmarkStore.PostgreSqlAsync(Environment.GetEnvironmentVariable("MPP_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set MPP_TEST_POSTGRES (source scripts/services.sh && services_start).")),
    _ => throw new ArgumentException($"--engines {engines}: expected embedded or rabbitmq-postgres."),
};
var rabbit = engines == "rabbitmq-postgres"
    ? new Uri(Environment.GetEnvironmentVariable("MPP_TEST_RABBITMQ") ?? throw new InvalidOperationException("Set MPP_TEST_RABBITMQ."))
    : null;

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(store.Configuration)
{
    ["Orchestration:DefinitionsFolder"] = Path.Combine(AppContext.BaseDirectory, "Definitions"),
});

// Engine settings to try without a rebuild, as the hub takes them: Orchestration__StepConcurrency=128, ...
builder.Configuration.AddEnvironmentVariables();
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<ICapabilityInvoker, InstantAgency>();
builder.Services.AddOrchestration();
builder.Services.AddMassTransit(x =>
{
    x.AddOrchestrationConsumers();
    if (rabbit is null)
    {
        x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        return;
    }

    // As the hub's worker role configures it (durable queues, persistent messages, publisher confirms), except that
    // the run's own queues go away with it.
    x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("bench-" + store.RunId, false));
    x.UsingRabbitMq((context, cfg) =>
    {
        cfg.Host(rabbit, "mpp-orchestration-benchmark", h => h.PublisherConfirmation = true);
        cfg.Durable = true;
        cfg.AutoDelete = true;
        cfg.ConfigureEndpoints(context);
    });
});
// The run's queues are new: until the bus has bound them, RabbitMQ drops what is published, and those steps would
// wait for the lease sweeper. The first submission waits for the started bus instead.
builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
using var host = builder.Build();
await host.StartAsync();
var engine = host.Services.GetRequiredService<WorkflowEngine>();
var contexts = host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
var nik = Nik.Parse("3273015708900003", new DateOnly(2026, 11, 23));

// Warm-up: the JIT's tiering (tier-0, instrumented, tier-1 rejits of EF Core's and MassTransit's code) takes tens of
// seconds of CPU on a busy machine; a long-running hub pays it once, so the measured round starts after it. The
// warm-up's own rate is printed to show what a cold process does.
if (warmup > 0)
{
    Console.WriteLine($"== warm-up: {warmup} workflows (not measured)");
    var cold = Stopwatch.StartNew();
    var (warmed, _) = await RunWorkflowsAsync(warmup, quiet: true);
    Console.WriteLine($"   cold process: {warmed / cold.Elapsed.TotalSeconds:F0} workflows/s");
}

Console.WriteLine($"== {workflows} workflows of 5 steps, {store.Description} + {(rabbit is null ? "in-memory bus" : "RabbitMQ")}, instant agency");
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var (completed, submitted) = await RunWorkflowsAsync(workflows, quiet: false);
var elapsed = clock.Elapsed;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

Console.WriteLine($"   throughput: {completed / elapsed.TotalSeconds:F0} workflows/s ({completed * 5 / elapsed.TotalSeconds:F0} steps/s); submission alone {workflows / submitted.TotalSeconds:F0}/s");
Console.WriteLine($"   CPU: {cpu.TotalMilliseconds / Math.Max(1, completed):F2} ms per workflow ({cpu.TotalSeconds / elapsed.TotalSeconds:F2} cores busy on average of {Environment.ProcessorCount}; load average {LoadAverage()})");

// Overhead without a backlog: one workflow at a time, submit to completion, divided by its five steps.
const int Sequential = 100;
var latencies = new List<double>(Sequential);
for (var i = 0; i < Sequential; i++)
{
    var one = Stopwatch.StartNew();
    var app = await engine.SubmitAsync(new SubmitApplicationRequest { ServiceCode = "BENCH_FIVE_STEPS", Nik = nik, ConsentId = Guid.Empty }, "bench");
    while ((await engine.GetAsync(app.Id))!.Status != ApplicationStatus.Completed)
    {
        await Task.Delay(1);
    }

    latencies.Add(one.Elapsed.TotalMilliseconds / 5);
}

latencies.Sort();
Console.WriteLine($"   orchestration overhead per step, {Sequential} workflows one at a time: p50 {Percentile(latencies, 0.5):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms");

Console.WriteLine($"== {parked} parked workflows (waiting on a payment, next poll in a day)");
await BenchmarkStore.CompactAsync(contexts);
var rssBefore = SettledRss();
var sizeBefore = await store.BytesAsync(contexts);
var code = JsonSerializer.SerializeToElement("820261123000001");
clock.Restart();
var done = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, parked), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) =>
{
    await engine.SubmitAsync(
        new SubmitApplicationRequest { ServiceCode = "BENCH_PARKED", Nik = nik, ConsentId = Guid.Empty, Inputs = new Dictionary<string, JsonElement> { ["billingCode"] = code } },
        "bench",
        ct);
    if (Interlocked.Increment(ref done) % 10_000 == 0)
    {
        Console.WriteLine($"   {clock.Elapsed.TotalSeconds,6:F1}s  parked {done}/{parked}");
    }
});
int waiting;
do
{
    await Task.Delay(1_000);
    await using var db = await contexts.CreateDbContextAsync();
    waiting = await db.Steps.CountAsync(s => s.Capability == "payment.billing.status" && s.Status == StepStatus.Waiting);
    Console.WriteLine($"   {clock.Elapsed.TotalSeconds,6:F1}s  waiting {waiting}/{parked}");
}
while (waiting < parked && clock.Elapsed < TimeSpan.FromMinutes(15));

var rssAfter = SettledRss();
await BenchmarkStore.CompactAsync(contexts);
var sizeAfter = await store.BytesAsync(contexts);
Console.WriteLine($"   extra RSS: {(rssAfter - rssBefore) / 1024.0 / 1024.0:F1} MB for {waiting} parked (after a compacting GC on both readings)");
Console.WriteLine($"   storage: {(sizeAfter - sizeBefore) / (double)Math.Max(1, waiting):F0} bytes per parked workflow ({store.SizeMeasure})");

await host.StopAsync();

// Submits a batch of five-step workflows (64 at a time) and waits until all of them completed.
async Task<(int Completed, TimeSpan Submitted)> RunWorkflowsAsync(int count, bool quiet)
{
    var before = await CompletedAsync();
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) =>
        await engine.SubmitAsync(new SubmitApplicationRequest { ServiceCode = "BENCH_FIVE_STEPS", Nik = nik, ConsentId = Guid.Empty }, "bench", ct));
    var submittedIn = watch.Elapsed;
    var printedAt = TimeSpan.Zero;
    int done;
    do
    {
        // Polled every 100 ms: the wait for the next poll adds little to a run of a few seconds.
        await Task.Delay(100);
        done = await CompletedAsync() - before;
        if (!quiet && (watch.Elapsed - printedAt >= TimeSpan.FromSeconds(1) || done >= count))
        {
            printedAt = watch.Elapsed;
            Console.WriteLine($"   {watch.Elapsed.TotalSeconds,6:F1}s  submitted in {submittedIn.TotalSeconds:F1}s  completed {done}/{count}");
        }
    }
    while (done < count && watch.Elapsed < TimeSpan.FromMinutes(10));
    return (done, submittedIn);
}

async Task<int> CompletedAsync()
{
    await using var db = await contexts.CreateDbContextAsync();
    return await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Completed);
}

// Resident set after a blocking, compacting collection that also returns freed memory to the OS.
static long SettledRss()
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    using var self = Process.GetCurrentProcess();
    return self.WorkingSet64;
}

// The machine may be shared: the load average says how much of it this run had.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)((sorted.Count - 1) * q)];

static string? OptionValue(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static bool IsOptionValue(string[] args, string arg)
{
    var at = Array.IndexOf(args, arg);
    return at > 0 && args[at - 1].StartsWith("--", StringComparison.Ordinal);
}
