namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>
/// An agency's officers at work during a test: every case not yet at its final status is moved to its next stage
/// (the simulators' tester action) about twice a second, so cases finish in seconds instead of simulated days.
/// </summary>
internal sealed class CaseOfficers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _work;

    public CaseOfficers(SimulatorsProcess simulators, string agency, string finalStatus) =>
        _work = simulators.AdvanceCasesAsync(agency, finalStatus, _stop.Token);

    /// <summary>Stops them; answers how many advances they made.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _work;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _work.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stop.Dispose();
    }
}
