using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MppIntegrationHub.Simulators;

namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>
/// The agency simulators in their own process (mocks/MppIntegrationHub.Simulators.Host), so their cases and write
/// counters outlive every hub process the tests kill.
/// </summary>
internal sealed class SimulatorsProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly ChildProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private SimulatorsProcess(ChildProcess process, IReadOnlyDictionary<string, Uri> urls)
    {
        _process = process;
        BaseUrls = urls;
    }

    public IReadOnlyDictionary<string, Uri> BaseUrls { get; }

    public string Tail => _process.Tail;

    public static async Task<SimulatorsProcess> StartAsync(DrillClock clock, int population, int seed, TimeSpan autoPayAfter)
    {
        string[] arguments =
        [
            "--population", population.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--clock-acceleration", clock.Factor.ToString(CultureInfo.InvariantCulture), "--clock-anchor", clock.Anchor.ToString("O", CultureInfo.InvariantCulture),
            "--auto-pay-after", autoPayAfter.ToString("c", CultureInfo.InvariantCulture),
        ];
        var process = ChildProcess.Start("simulators", Repository.SimulatorsHostDll, arguments, new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Testing" });
        try
        {
            await process.WaitForLineAsync(l => l.StartsWith("Press Ctrl+C", StringComparison.Ordinal), StartTimeout);
        }
        catch (TimeoutException)
        {
            var tail = process.Tail;
            process.Dispose();
            throw new InvalidOperationException($"The simulators did not start in {StartTimeout}:{Environment.NewLine}{tail}");
        }

        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var agency in AgencyIds.All)
        {
            var line = await process.WaitForLineAsync(l => l.StartsWith(agency + " ", StringComparison.Ordinal), StartTimeout);
            urls[agency] = new Uri(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }

        return new SimulatorsProcess(process, urls);
    }

    /// <summary>The agency's counters: accepted writes (first use of an idempotency key) and replays answered from memory.</summary>
    public async Task<(int Accepted, int Replayed)> WritesAsync(string agency)
    {
        var counters = await _http.GetFromJsonAsync<JsonElement>(new Uri(BaseUrls[agency], "__admin/counters"));
        return (counters.GetProperty("acceptedWrites").GetInt32(), counters.GetProperty("duplicateWrites").GetInt32());
    }

    /// <summary>The agency's cases by reference, with their current status.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CasesAsync(string agency) =>
        (await _http.GetFromJsonAsync<Dictionary<string, string>>(new Uri(BaseUrls[agency], "__admin/cases")))!;

    /// <summary>Until cancelled, moves every case not yet at <paramref name="finalStatus"/> to its next stage; answers how many moves.</summary>
    public async Task<int> AdvanceCasesAsync(string agency, string finalStatus, CancellationToken stop)
    {
        var advanced = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var (reference, status) in await CasesAsync(agency))
            {
                if (status != finalStatus)
                {
                    using var response = await _http.PostAsync(new Uri(BaseUrls[agency], $"__admin/cases/{Uri.EscapeDataString(reference)}/advance"), null, CancellationToken.None);
                    response.EnsureSuccessStatusCode();
                    advanced++;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }

        return advanced;
    }

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
    }
}
