// Orchestrator benchmark: workflows/s and orchestration overhead for a 5-step workflow against an instant agency,
// embedded (SQLite + in-memory bus); then storage and memory for parked workflows.
// Usage: dotnet run -c Release --project tests/MppIntegrationHub.Orchestration.Benchmarks -- [workflows] [parked]
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

var workflows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var parked = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var folder = Path.Combine(Path.GetTempPath(), "mpp-orch-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var database = Path.Combine(folder, "hub.db");

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Store:ConnectionString"] = $"Data Source={database}",
    ["Orchestration:DefinitionsFolder"] = Path.Combine(AppContext.BaseDirectory, "Definitions"),
});
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<ICapabilityInvoker, InstantAgency>();
builder.Services.AddOrchestration();
builder.Services.AddMassTransit(x =>
{
    x.AddOrchestrationConsumers();
    x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
});
using var host = builder.Build();
await host.StartAsync();
var engine = host.Services.GetRequiredService<WorkflowEngine>();
var contexts = host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
var nik = Nik.Parse("3273015708900003", new DateOnly(2026, 11, 23));

Console.WriteLine($"== {workflows} workflows of 5 steps, SQLite + in-memory bus, instant agency");
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, workflows), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
    await engine.SubmitAsync(new SubmitApplicationRequest { ServiceCode = "BENCH_FIVE_STEPS", Nik = nik, ConsentId = Guid.Empty }, "bench", ct));
var submitted = clock.Elapsed;
int completed;
do
{
    await Task.Delay(500);
    await using var db = await contexts.CreateDbContextAsync();
    completed = await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Completed);
    Console.WriteLine($"   {clock.Elapsed.TotalSeconds,6:F1}s  submitted in {submitted.TotalSeconds:F1}s  completed {completed}/{workflows}");
}
while (completed < workflows && clock.Elapsed < TimeSpan.FromMinutes(10));
var elapsed = clock.Elapsed;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

Console.WriteLine($"   throughput: {completed / elapsed.TotalSeconds:F0} workflows/s ({completed * 5 / elapsed.TotalSeconds:F0} steps/s)");
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
await Checkpoint(contexts);
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var rssBefore = Process.GetCurrentProcess().WorkingSet64;
var sizeBefore = DatabaseBytes(database);
var code = JsonSerializer.SerializeToElement("820261123000001");
clock.Restart();
var done = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, parked), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
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

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var rssAfter = Process.GetCurrentProcess().WorkingSet64;
await Checkpoint(contexts);
var sizeAfter = DatabaseBytes(database);
Console.WriteLine($"   extra RSS: {(rssAfter - rssBefore) / 1024.0 / 1024.0:F1} MB for {waiting} parked");
Console.WriteLine($"   storage: {(sizeAfter - sizeBefore) / (double)Math.Max(1, waiting):F0} bytes per parked workflow (SQLite file growth)");

await host.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);

static async Task Checkpoint(IDbContextFactory<WorkflowDbContext> contexts)
{
    await using var db = await contexts.CreateDbContextAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
}

// The machine may be shared: the load average says how much of it this run had.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)((sorted.Count - 1) * q)];

static long DatabaseBytes(string path) =>
    new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);
