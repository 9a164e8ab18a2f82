using System.Diagnostics;
using System.Globalization;
using MppIntegrationHub.Contracts.Time;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

// Usage: dotnet run --project mocks/MppIntegrationHub.Simulators.Host -- [--population N] [--seed S] [--hub URL] [--base-port P]
//   [--clock-acceleration N --clock-anchor ISO-8601] [--auto-pay-after HH:MM:SS]
// --base-port gives fixed ports in AgencyIds.All order (dukcapil P, satusehat P+1, ...); free ports otherwise.
// --clock-acceleration/--clock-anchor: drill clock, N simulated seconds per real second from the anchor (give the hub the same).
// --auto-pay-after: every citizen pays a SIMPONI billing code that long (simulated) after it was issued.
var clock = new ClockOptions
{
    Acceleration = Value("--clock-acceleration") is { } factor ? double.Parse(factor, CultureInfo.InvariantCulture) : 1,
    Anchor = Value("--clock-anchor") is { } anchor ? DateTimeOffset.Parse(anchor, CultureInfo.InvariantCulture) : null,
}.Create();
var autoPayAfter = Value("--auto-pay-after") is { } delay ? TimeSpan.Parse(delay, CultureInfo.InvariantCulture) : (TimeSpan?)null;
var size = Option("--population", 1_000);
var seed = Option("--seed", 42);
var hub = Value("--hub") is { } url ? new Uri(url) : null;
var basePort = Option("--base-port", 0);
var ports = basePort == 0 ? new Dictionary<string, int>() : AgencyIds.All.Select((id, i) => (id, port: basePort + i)).ToDictionary(x => x.id, x => x.port);

Console.WriteLine($"Generating {size:N0} citizens (seed {seed})...");
var watch = Stopwatch.StartNew();
var progress = new Progress<int>(count => Console.Write($"\r  {count:N0} / {size:N0}"));
var population = PopulationGenerator.Generate(seed, size, PopulationDate(clock), progress);
Console.WriteLine($"\r  {population.Count:N0} citizens in {watch.Elapsed.TotalSeconds:F2} s; fingerprint {population.Fingerprint()[..16]}");

await using var sims = await AgencySimulators.StartAsync(new SimulatorOptions { Seed = seed, Population = population, HubCallbackUrl = hub, Ports = ports, Clock = clock, AutoPayAfter = autoPayAfter });
Console.WriteLine();
foreach (var agency in sims.All)
{
    Console.WriteLine($"{agency.Agency,-10} {agency.BaseUrl}   admin {agency.AdminUrl}");
}

var credentials = sims.Credentials;
Console.WriteLine();
Console.WriteLine($"Dukcapil   customer {credentials.DukcapilCustomerId}, user_id {credentials.DukcapilUserId}, password {credentials.DukcapilPassword}, IP_USER {credentials.DukcapilIpUser}");
Console.WriteLine($"SATUSEHAT  client_id {credentials.SatuSehatClientId}, client_secret {credentials.SatuSehatClientSecret}");
foreach (var (agency, key) in credentials.ApiKeys)
{
    Console.WriteLine($"X-Api-Key  {agency,-9} {key}");
}

Console.WriteLine($"Callbacks  {(hub is null ? "off (agencies are polled)" : hub.ToString())}");
Console.WriteLine($"Clock      {(clock is AcceleratedTimeProvider fast ? $"accelerated x{fast.Factor:N0} from {fast.Anchor:O}" : "real")}; billing {(autoPayAfter is { } pay ? $"paid by citizens after {pay}" : "paid by testers")}");
Console.WriteLine();
Console.WriteLine("Personas:");
foreach (var persona in Personas.All)
{
    Console.WriteLine($"  {persona.Nik}  {persona.Name,-24} {persona.Story}");
}

Console.WriteLine();
Console.WriteLine("Press Ctrl+C to stop.");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
await stopped.Task;

// On a drill clock the population is as of the anchor, so that a test process generating the same seed and size
// (as of the same anchor) knows every citizen however much simulated time has passed.
static DateOnly PopulationDate(TimeProvider clock) =>
    DateOnly.FromDateTime((clock is AcceleratedTimeProvider fast ? fast.Anchor : clock.GetUtcNow()).ToOffset(TimeSpan.FromHours(7)).DateTime);

int Option(string name, int fallback) =>
    Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? Value(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
